import type { MixPlan } from "./mix-plan.ts";
import { tones, type ToneKind } from "./tones.ts";

/** How loud each part of the soundtrack is, 0 to 1. */
export interface MixLevels {
  readonly voice: number;
  readonly tones: number;
}

/** Seconds a note takes to rise to full loudness, so it starts without a click. */
const ATTACK_S = 0.02;

/**
 * A tone as samples: each note a sine that rises over 20 ms and falls away exponentially to its end,
 * the shape the live beeps have on the device's audio clock.
 */
export function toneSamples(kind: ToneKind, sampleRate: number, level: number): Float32Array {
  const notes = tones[kind];
  const length = Math.round(Math.max(...notes.map((n) => n.startS + n.lengthS)) * sampleRate);
  const out = new Float32Array(length);
  for (const note of notes) {
    const start = Math.round(note.startS * sampleRate);
    const n = Math.round(note.lengthS * sampleRate);
    const attack = Math.round(ATTACK_S * sampleRate);
    const fall = Math.log(0.0001 / level) / (n - attack);
    for (let i = 0; i < n && start + i < length; i++) {
      const gain = i < attack ? (level * i) / attack : level * Math.exp(fall * (i - attack));
      out[start + i]! += gain * Math.sin((2 * Math.PI * note.hz * i) / sampleRate);
    }
  }
  return out;
}

/**
 * Mixes a plan into one track of samples: every entry added at its start sample, speech from the
 * decoded clips, tones made here. Sums are clipped to [-1, 1].
 */
export function mixSoundtrack(plan: MixPlan, clip: (piece: string) => Float32Array, levels: MixLevels): Float32Array {
  const out = new Float32Array(plan.totalSamples);
  const toneCache = new Map<ToneKind, Float32Array>();
  for (const e of plan.entries) {
    let source: Float32Array;
    let level = 1;
    if (e.source.kind === "tone") {
      const kind = e.source.tone;
      source = toneCache.get(kind) ?? toneSamples(kind, plan.sampleRate, levels.tones);
      toneCache.set(kind, source);
    } else {
      source = clip(e.source.piece);
      level = levels.voice;
    }
    const n = Math.min(e.lengthSamples, source.length, out.length - e.startSample);
    for (let i = 0; i < n; i++) out[e.startSample + i]! += level * source[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i] = Math.max(-1, Math.min(1, out[i]!));
  return out;
}

/** 16-bit mono PCM WAV bytes of a track, a format every browser's media element plays. */
export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, "RIFF");
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) view.setInt16(44 + i * 2, Math.round(samples[i]! * 32767), true);
  return bytes;
}
