import { encodeWav } from "../../core/soundtrack/mix.ts";
import { stretchSpeech } from "../../core/soundtrack/time-stretch.ts";
import { VOICE_SAMPLE } from "../../core/soundtrack/voice-manifest.ts";
import { CLIPS_PACE } from "./soundtrack.ts";
import { loadVoiceClips } from "./voice-clips.ts";

let playing: HTMLAudioElement | null = null;

/** Plays Limber's voice saying the sample line at the chosen pace and loudness; false when it cannot be had. */
export async function playVoiceSample(rate: number, volume: number): Promise<boolean> {
  const clips = await loadVoiceClips([VOICE_SAMPLE], { signedIn: false });
  const clip = clips.get(VOICE_SAMPLE);
  if (!clip) return false;
  const samples = stretchSpeech(clip, rate / CLIPS_PACE, clips.sampleRate);
  const url = URL.createObjectURL(new Blob([encodeWav(samples, clips.sampleRate) as BlobPart], { type: "audio/wav" }));
  playing?.pause();
  const audio = new Audio(url);
  playing = audio;
  audio.volume = volume;
  audio.addEventListener("ended", () => URL.revokeObjectURL(url), { once: true });
  await audio.play();
  return true;
}
