import { CALIBRATION_TABLE } from "./calibration-table.ts";
import type { DraftExercise, Found, ImportDraft } from "./draft.ts";

/** The values whose confidence is calibrated: the ones a person checks field by field. */
export type CalibratedField = "position" | "sides" | "firstSide" | "reps" | "hold" | "sets" | "breaths";

/**
 * How an exercise was found, as far as its name tells: "named" from a heading or label
 * (name confidence ≥ 0.85), "lead" from the words leading a timed line, "weak" when guessed;
 * whether it has one hold or several, and whether the text's structure is in doubt. Values from
 * weakly found exercises, and from texts read with doubt, are more often wrong.
 */
export function structureOf(e: DraftExercise, doubtful: boolean): string {
  const name = e.name.confidence >= 0.85 ? "named" : e.name.confidence >= 0.7 ? "lead" : "weak";
  return `${name}${e.phases.length > 1 ? "+phases" : ""}${doubtful ? "+doubt" : ""}`;
}

/** The key of one value in the calibration table, from most to least specific. */
export function calibrationKeys(field: CalibratedField, rule: number, structure: string): string[] {
  const r = rule.toFixed(2);
  return [`${field}|${r}|${structure}`, `${field}|${r}`, field];
}

/** A value's calibrated confidence: how often values like it were right on the development set. */
export function calibratedConfidence(field: CalibratedField, rule: number, structure: string): number {
  for (const key of calibrationKeys(field, rule, structure)) {
    const p = CALIBRATION_TABLE[key];
    if (p !== undefined) return p;
  }
  return rule;
}

function recalibrate<T>(field: CalibratedField, f: Found<T> | null, structure: string): void {
  if (f !== null && f.span !== null) f.confidence = calibratedConfidence(field, f.confidence, structure);
}

/**
 * Replaces each read value's rule score with its calibrated confidence (defaults keep theirs:
 * they are always marked for checking). In place: the draft is still private to importRoutine.
 */
export function calibrateDraft(draft: ImportDraft): ImportDraft {
  for (const e of draft.exercises) {
    const structure = structureOf(e, draft.doubtfulStructure);
    recalibrate("position", e.position, structure);
    recalibrate("sides", e.sides, structure);
    recalibrate("firstSide", e.firstSide, structure);
    recalibrate("reps", e.reps, structure);
    recalibrate("sets", e.sets, structure);
    for (const p of e.phases) {
      recalibrate("hold", p.hold, structure);
      recalibrate("breaths", p.breaths, structure);
    }
  }
  return draft;
}
