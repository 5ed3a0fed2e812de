import type { Step } from "./timeline.ts";

export type CueKind = "step" | "switch-side" | "halfway" | "countdown" | "done" | "paused" | "resumed" | "stopped";

/** Something the shells should say, sound or vibrate. `at` is the monotonic time it was due. */
export interface Cue {
  kind: CueKind;
  at: number;
  stepIndex: number;
  /** Words for a voice or a screen reader. */
  text: string;
  /** For a countdown, the number to say (3, 2, 1). */
  count?: number;
}

/** A cue's place inside its step, before it is tied to a clock. */
export interface CueMark {
  kind: CueKind;
  /** Milliseconds after the step begins. */
  offsetMs: number;
  text: string;
  count?: number;
}

/** Holds of at least this many seconds get a "halfway" cue. */
export const HALFWAY_MIN_SECONDS = 10;
/** Steps of at least this many seconds end with a spoken 3-2-1. */
export const COUNTDOWN_MIN_SECONDS = 5;

/** Every cue a step carries, in time order: what to say at its start, halfway, and 3-2-1. */
export function cueMarks(step: Step): CueMark[] {
  if (step.kind === "done") return [{ kind: "done", offsetMs: 0, text: step.say }];
  const marks: CueMark[] = [{ kind: step.kind === "switch-side" ? "switch-side" : "step", offsetMs: 0, text: step.say }];
  const ms = step.seconds * 1000;
  if (step.kind === "hold" && step.seconds >= HALFWAY_MIN_SECONDS) {
    marks.push({ kind: "halfway", offsetMs: ms / 2, text: "Halfway." });
  }
  const counts = step.kind === "hold" || step.kind === "prepare" || step.kind === "switch-side" || step.kind === "rest";
  if (counts && step.seconds >= COUNTDOWN_MIN_SECONDS) {
    for (const n of [3, 2, 1]) marks.push({ kind: "countdown", offsetMs: ms - n * 1000, text: String(n), count: n });
  }
  return marks.sort((a, b) => a.offsetMs - b.offsetMs);
}
