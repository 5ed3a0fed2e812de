import { cueMarks } from "../cues.ts";
import type { Program } from "../program.ts";
import { progressAfter } from "../progress.ts";
import { compileTimeline, type Timeline } from "../timeline.ts";
import { speechPieces } from "./speech-pieces.ts";

/** Every sentence one session's cues say, in first-said order, each once. */
export function timelinePieces(timeline: Timeline): string[] {
  const seen = new Set<string>();
  for (const step of timeline.steps) for (const mark of cueMarks(step)) for (const piece of speechPieces(mark.text)) seen.add(piece);
  return [...seen];
}

/** Sessions of progression looked ahead at most; programs settle long before (the built-in one after 21). */
const MAX_SESSIONS = 500;

/**
 * Every sentence a program's sessions can say as its holds grow session after session, until the
 * timeline stops changing: the words to render ahead of time. Holds set by hand may add others.
 */
export function programPieces(program: Program): string[] {
  const seen = new Set<string>();
  let previous = "";
  for (let n = 0; n < MAX_SESSIONS; n++) {
    const timeline = compileTimeline(program, progressAfter(program, n));
    for (const piece of timelinePieces(timeline)) seen.add(piece);
    const shape = timeline.steps.map((s) => s.seconds).join(",");
    if (shape === previous) break;
    previous = shape;
  }
  return [...seen];
}
