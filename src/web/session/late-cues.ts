import type { Cue, CueKind } from "../../core/cues.ts";

/** A cue this much past its moment is late: the page was hidden, the phone locked or busy. */
export const LATE_TOLERANCE_MS = 1000;

/** Cues that tell the user what to do now; a newer one makes older ones pointless. */
const instructionKinds: ReadonlySet<CueKind> = new Set(["step", "switch-side", "done", "paused", "resumed", "stopped"]);

export function isInstruction(cue: Cue): boolean {
  return instructionKinds.has(cue.kind);
}

/**
 * The cues of one batch worth saying. Of several instructions only the latest is kept (after a
 * locked screen, "switch sides" and "rest" from minutes ago would only confuse); countdowns and
 * "halfway" are kept only while they are on time.
 */
export function collapseLateCues(cues: readonly Cue[], now: number, toleranceMs = LATE_TOLERANCE_MS): Cue[] {
  let lastInstruction = -1;
  cues.forEach((c, i) => {
    if (isInstruction(c)) lastInstruction = i;
  });
  return cues.filter((c, i) => {
    if (isInstruction(c)) return i === lastInstruction;
    if (now - c.at > toleranceMs) return false;
    return i > lastInstruction;
  });
}
