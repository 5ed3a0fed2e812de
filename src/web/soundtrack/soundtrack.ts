import { elapsedInStep, type PlayerState } from "../../core/player.ts";
import { planSoundtrack, type MixPlan } from "../../core/soundtrack/mix-plan.ts";
import { encodeWav, mixSoundtrack } from "../../core/soundtrack/mix.ts";
import type { Timeline } from "../../core/timeline.ts";
import type { Clock } from "../adapters/clock.ts";
import { stretchSpeech } from "../../core/soundtrack/time-stretch.ts";
import type { VoiceClips } from "./voice-clips.ts";

/** How the session is heard: all of it from the soundtrack, its sounds from it and some words from the device, or the device alone. */
export type VoiceMode = "soundtrack" | "soundtrack-and-device" | "device";

/**
 * The whole session rendered into one media element, which keeps playing with the screen locked.
 * While it plays, its position is the session's clock: `clock.now()` advances only as the sound
 * does, so what the screen shows after unlocking is where the sound is.
 */
export interface Soundtrack {
  readonly plan: MixPlan;
  readonly audio: HTMLAudioElement;
  /** Lines with no rendered clip, for the device voice; empty when every word is in the soundtrack. */
  readonly unvoicedTexts: ReadonlySet<string>;
  readonly clock: Clock;
  /** Brings the sound to where the engine says the session is: the same step and moment, playing or paused. */
  follow(state: PlayerState): void;
  /** Called when something other than the app (the lock screen, a call, unplugged headphones) paused or played the sound. */
  onOutsideChange(fn: (playing: boolean) => void): void;
  dispose(): void;
}

export interface SoundtrackLevels {
  readonly voice: boolean;
  readonly sounds: boolean;
  /** 0 to 1, for the whole soundtrack. */
  readonly volume: number;
  /** The speaking pace setting (as for the device voice: 0.9 is "Calm"). */
  readonly rate: number;
}

/** The speaking-pace setting the clips were spoken at (150 words a minute is "Calm"); other paces stretch them. */
export const CLIPS_PACE = 0.9;

/** The clips at the chosen pace, each stretched once, on first use. */
function atPace(clips: VoiceClips, rate: number): VoiceClips {
  const factor = rate / CLIPS_PACE;
  if (Math.abs(factor - 1) < 0.01) return clips;
  const done = new Map<string, Float32Array | undefined>();
  return {
    sampleRate: clips.sampleRate,
    get(piece) {
      if (!done.has(piece)) {
        const raw = clips.get(piece);
        done.set(piece, raw && stretchSpeech(raw, factor, clips.sampleRate));
      }
      return done.get(piece);
    },
  };
}

/** Within this many ms the sound counts as at the engine's position; further off, it is moved there. */
const SEEK_TOLERANCE_MS = 40;
/** The tones sit under the voice, as the live beeps do. */
const TONE_LEVEL = 0.35;

/** Mixes the session's sound ahead of time and loads it into a media element, ready to play from a tap. */
export function buildSoundtrack(timeline: Timeline, rendered: VoiceClips, levels: SoundtrackLevels, base: Clock): Soundtrack {
  const clips = atPace(rendered, levels.rate);
  const plan = planSoundtrack(timeline, {
    sampleRate: clips.sampleRate,
    voice: levels.voice,
    sounds: levels.sounds,
    clipSamples: (piece) => clips.get(piece)?.length ?? null,
  });
  const samples = mixSoundtrack(plan, (piece) => clips.get(piece)!, { voice: 1, tones: TONE_LEVEL });
  const url = URL.createObjectURL(new Blob([encodeWav(samples, plan.sampleRate) as BlobPart], { type: "audio/wav" }));
  const audio = new Audio(url);
  audio.preload = "auto";
  audio.volume = Math.max(0, Math.min(1, levels.volume));
  audio.setAttribute("data-limber-soundtrack", "");

  const positionMs = () => audio.currentTime * 1000;
  /** Session ms minus sound ms: changes only when the app moves the sound, so the session clock never jumps. */
  let shift = 0;
  let selfCaused = 0;
  let outside: ((playing: boolean) => void) | null = null;
  const now = () => positionMs() - shift;
  const stepStartMs = (index: number) => (plan.stepStarts[index]! / plan.sampleRate) * 1000;

  function seek(toMs: number) {
    const before = now();
    audio.currentTime = toMs / 1000;
    shift = positionMs() - before;
  }

  const onPlay = () => (selfCaused > 0 ? selfCaused-- : outside?.(true));
  const onPause = () => {
    if (audio.ended) return;
    if (selfCaused > 0) selfCaused--;
    else outside?.(false);
  };
  audio.addEventListener("play", onPlay);
  audio.addEventListener("pause", onPause);

  const clock: Clock = {
    now,
    wallNow: () => base.wallNow(),
    after(ms, fn) {
      // Page timers may sleep while the screen is locked; the runner catches up from `now` on waking.
      return base.after(ms / (audio.playbackRate || 1), fn);
    },
  };

  return {
    plan,
    audio,
    unvoicedTexts: new Set(plan.unvoiced.map((u) => u.text)),
    clock,
    follow(state) {
      const target = stepStartMs(state.index) + elapsedInStep(state, now());
      if (Math.abs(positionMs() - target) > SEEK_TOLERANCE_MS) seek(target);
      // A finished session keeps playing its last chime and words; it is never cut off.
      if (state.status === "finished") return;
      const shouldPlay = state.status === "playing";
      if (shouldPlay && audio.paused) {
        selfCaused++;
        audio.play().catch((e: unknown) => {
          selfCaused = Math.max(0, selfCaused - 1);
          console.warn("The soundtrack could not start; the screen still shows every step.", e);
        });
      } else if (!shouldPlay && !audio.paused) {
        selfCaused++;
        audio.pause();
      }
    },
    onOutsideChange(fn) {
      outside = fn;
    },
    dispose() {
      audio.removeEventListener("play", onPlay);
      audio.removeEventListener("pause", onPause);
      audio.pause();
      audio.removeAttribute("src");
      audio.load();
      URL.revokeObjectURL(url);
    },
  };
}
