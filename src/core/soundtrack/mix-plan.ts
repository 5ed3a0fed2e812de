import { cueMarks, type CueKind } from "../cues.ts";
import type { Timeline } from "../timeline.ts";
import { speechPieces } from "./speech-pieces.ts";
import { toneFor, toneSeconds, type ToneKind } from "./tones.ts";

/** What an entry of the mix plays: a tone made from notes, or one rendered sentence. */
export type MixSource = { readonly kind: "tone"; readonly tone: ToneKind } | { readonly kind: "speech"; readonly piece: string };

/** One sound placed in the soundtrack. */
export interface MixEntry {
  readonly source: MixSource;
  /** First sample of the sound in the soundtrack. */
  readonly startSample: number;
  readonly lengthSamples: number;
  readonly stepIndex: number;
  readonly cue: CueKind;
  /** The sample at which the cue was due: equal to `startSample`, later only for words that waited for a voice still speaking. */
  readonly dueSample: number;
}

/** A line the soundtrack cannot say because one of its sentences has no clip: the screen voice says it instead. */
export interface UnvoicedLine {
  readonly stepIndex: number;
  readonly cue: CueKind;
  readonly text: string;
  readonly dueSample: number;
}

/** The whole session's sound, laid out ahead of time, and where each step starts in it. */
export interface MixPlan {
  readonly sampleRate: number;
  readonly totalSamples: number;
  /** The first sample of each step of the timeline (a step with no seconds shares the next one's start). */
  readonly stepStarts: readonly number[];
  readonly entries: readonly MixEntry[];
  readonly unvoiced: readonly UnvoicedLine[];
}

export interface SoundtrackOptions {
  readonly sampleRate: number;
  /** Put the spoken lines in the soundtrack. */
  readonly voice: boolean;
  /** Put the tones (3-2-1 pips, halfway, switch side, go, done) in the soundtrack. */
  readonly sounds: boolean;
  /** The length in samples of a sentence's rendered clip, or null when there is none. */
  readonly clipSamples: (piece: string) => number | null;
}

/** Instructions wait for the voice to finish; countdowns and "halfway" are dropped while it speaks, as the tone carries them. */
const waitsForVoice = new Set<CueKind>(["step", "switch-side", "done"]);

/**
 * Lays out every cue of a session as sound at its exact sample: tones on the instant they are due,
 * words at their instant or, when a voice is still speaking the line before, straight after it, so
 * nothing is cut off or said twice. The soundtrack is as long as the session plus its last sound.
 */
export function planSoundtrack(timeline: Timeline, o: SoundtrackOptions): MixPlan {
  const rate = o.sampleRate;
  const toSamples = (seconds: number) => Math.round(seconds * rate);
  const stepStarts = timeline.steps.map((s) => toSamples(s.offset));
  const entries: MixEntry[] = [];
  const unvoiced: UnvoicedLine[] = [];
  let voiceFreeAt = 0;
  timeline.steps.forEach((step, stepIndex) => {
    for (const mark of cueMarks(step)) {
      const due = stepStarts[stepIndex]! + Math.round((mark.offsetMs * rate) / 1000);
      const tone = toneFor(mark.kind, step.kind);
      if (o.sounds && tone) {
        entries.push({
          source: { kind: "tone", tone },
          startSample: due,
          lengthSamples: toSamples(toneSeconds(tone)),
          stepIndex,
          cue: mark.kind,
          dueSample: due,
        });
      }
      if (!o.voice) continue;
      const pieces = speechPieces(mark.text);
      const lengths = pieces.map((p) => o.clipSamples(p));
      if (lengths.some((l) => l === null)) {
        unvoiced.push({ stepIndex, cue: mark.kind, text: mark.text, dueSample: due });
        continue;
      }
      if (!waitsForVoice.has(mark.kind) && voiceFreeAt > due) continue;
      let at = Math.max(due, voiceFreeAt);
      pieces.forEach((piece, i) => {
        const lengthSamples = lengths[i]!;
        entries.push({ source: { kind: "speech", piece }, startSample: at, lengthSamples, stepIndex, cue: mark.kind, dueSample: due });
        at += lengthSamples;
      });
      voiceFreeAt = at;
    }
  });
  entries.sort((a, b) => a.startSample - b.startSample);
  const lastSound = entries.reduce((end, e) => Math.max(end, e.startSample + e.lengthSamples), 0);
  return { sampleRate: rate, totalSamples: Math.max(toSamples(timeline.totalSeconds), lastSound), stepStarts, entries, unvoiced };
}

/** The step playing at a soundtrack position, and how far into it; past the end, the last step. */
export function stepAtSample(plan: MixPlan, sample: number): { index: number; intoStepSamples: number } {
  const starts = plan.stepStarts;
  let lo = 0;
  let hi = starts.length - 1;
  // The last step whose start is at or before the sample; among steps that start together, the later one.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= sample) lo = mid;
    else hi = mid - 1;
  }
  return { index: lo, intoStepSamples: Math.max(0, sample - starts[lo]!) };
}
