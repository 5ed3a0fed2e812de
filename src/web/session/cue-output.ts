import type { Cue } from "../../core/cues.ts";
import { cueMarks, type CueKind } from "../../core/cues.ts";
import type { PlayerState } from "../../core/player.ts";
import { toneFor } from "../../core/soundtrack/tones.ts";
import type { Beep } from "../adapters/sound.ts";
import type { SpeechMode } from "../adapters/speech.ts";
import type { Settings } from "../settings.ts";
import { isInstruction } from "./late-cues.ts";

/** What the voice should say for a cue, or null for nothing. */
export function speechFor(cue: Cue, settings: Settings): { text: string; mode: SpeechMode } | null {
  if (!settings.voice) return null;
  return { text: cue.text, mode: isInstruction(cue) ? "interrupt" : "if-idle" };
}

const buzzes: Partial<Record<CueKind, number[]>> = {
  step: [180],
  "switch-side": [180, 120, 180],
  halfway: [60],
  countdown: [40],
  done: [250, 150, 250, 150, 400],
};

/** The vibration pattern for a cue, or null when it should not buzz. */
export function vibrationFor(cue: Cue, settings: Settings): number[] | null {
  if (!settings.vibration) return null;
  return buzzes[cue.kind] ?? null;
}

/** How far ahead beeps are handed to the audio clock: long enough to outlast a throttled tab. */
export const BEEP_HORIZON_MS = 30_000;

/**
 * Every beep still to come in the next `BEEP_HORIZON_MS`, across step boundaries, each at the
 * instant the engine will reach it if nothing is paused or skipped. The audio clock then plays
 * them on time even while this page's timers are throttled (a hidden tab, a locked phone).
 */
export function beepPlan(state: PlayerState, now: number, settings: Settings): Beep[] {
  if (!settings.sounds || state.status !== "playing") return [];
  const steps = state.timeline.steps;
  const horizon = now + BEEP_HORIZON_MS;
  const out: Beep[] = [];
  let start = state.stepStartedAt;
  for (let index = state.index; index < steps.length && start <= horizon; index++) {
    const step = steps[index]!;
    for (const m of cueMarks(step)) {
      const at = start + m.offsetMs;
      const kind = toneFor(m.kind, step.kind);
      if (kind && at >= now - 200 && at <= horizon) out.push({ key: `${index}:${m.offsetMs}:${Math.round(at)}`, kind, at });
    }
    start += step.seconds * 1000;
  }
  return out;
}
