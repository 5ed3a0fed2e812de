import type { CueKind } from "../cues.ts";
import type { StepKind } from "../timeline.ts";

/** The sounds of a session: each cue that sounds has one of these. */
export type ToneKind = "step" | "switch-side" | "halfway" | "countdown" | "go" | "done";

/** One soft sine note: pitch, start and length in seconds from the tone's onset. */
export interface Note {
  hz: number;
  startS: number;
  lengthS: number;
}

/** Each tone as a few notes. The live beeps and the rendered soundtrack both play these. */
export const tones: Record<ToneKind, readonly Note[]> = {
  step: [
    { hz: 523, startS: 0, lengthS: 0.25 },
    { hz: 659, startS: 0.18, lengthS: 0.35 },
  ],
  "switch-side": [
    { hz: 659, startS: 0, lengthS: 0.22 },
    { hz: 523, startS: 0.2, lengthS: 0.22 },
    { hz: 659, startS: 0.4, lengthS: 0.3 },
  ],
  halfway: [{ hz: 587, startS: 0, lengthS: 0.3 }],
  countdown: [{ hz: 440, startS: 0, lengthS: 0.12 }],
  go: [{ hz: 784, startS: 0, lengthS: 0.3 }],
  done: [
    { hz: 523, startS: 0, lengthS: 0.3 },
    { hz: 659, startS: 0.25, lengthS: 0.3 },
    { hz: 784, startS: 0.5, lengthS: 0.6 },
  ],
};

/** Seconds from a tone's onset to the end of its last note. */
export function toneSeconds(kind: ToneKind): number {
  return Math.max(...tones[kind].map((n) => n.startS + n.lengthS));
}

/** The tone a cue sounds, or null for cues that only speak (pause, resume, stop). */
export function toneFor(cue: CueKind, step: StepKind): ToneKind | null {
  if (cue === "step") return step === "hold" ? "go" : "step";
  if (cue === "switch-side" || cue === "halfway" || cue === "countdown" || cue === "done") return cue;
  return null;
}
