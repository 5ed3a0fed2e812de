import { CALIBRATION_TABLE } from "./calibration-table.ts";
import type { DraftExercise, Found, ImportDraft } from "./draft.ts";

/** The values whose confidence is calibrated: the ones a person checks field by field. */
export type CalibratedField = "position" | "sides" | "firstSide" | "reps" | "hold" | "sets" | "breaths";

/** Words in an exercise's own sentences (setup, steps, cues): a long one may be several movements merged. */
function wordsOf(e: DraftExercise): number {
  let n = 0;
  const count = (f: Found<string>) => {
    for (const w of f.value.split(/\s+/)) if (w !== "") n++;
  };
  e.setup.forEach(count);
  e.cues.forEach(count);
  for (const p of e.phases) p.instructions.forEach(count);
  return n;
}

/** Exercise length classes: on the development corpus, values of exercises of 100 words or more were wrong twice as often. */
const LONG_WORDS = 100;
const MID_WORDS = 60;

/**
 * How an exercise was found, as far as its name tells: "named" from a heading or label
 * (name confidence ≥ 0.85), "lead" from the words leading a timed line, "weak" when guessed;
 * whether it has one hold or several, whether the text's structure is in doubt, and how long the
 * exercise's text is ("+w60", "+w100"). Values from weakly found exercises, from texts read with
 * doubt, and from long exercises (movements merged) are more often wrong.
 */
export function structureOf(e: DraftExercise, doubtful: boolean): string {
  const name = e.name.confidence >= 0.85 ? "named" : e.name.confidence >= 0.7 ? "lead" : "weak";
  const words = wordsOf(e);
  const length = words >= LONG_WORDS ? "+w100" : words >= MID_WORDS ? "+w60" : "";
  return `${name}${e.phases.length > 1 ? "+phases" : ""}${doubtful ? "+doubt" : ""}${length}`;
}

/**
 * The keys of one value in the calibration table, from most to least specific: field, rule score
 * and structure; the same without the length class; field and rule score; the field alone.
 */
export function calibrationKeys(field: CalibratedField, rule: number, structure: string): string[] {
  const r = rule.toFixed(2);
  const short = structure.replace(/\+w\d+$/, "");
  const keys = [`${field}|${r}|${structure}`];
  if (short !== structure) keys.push(`${field}|${r}|${short}`);
  keys.push(`${field}|${r}`, field);
  return keys;
}

/** A value's calibrated confidence: how often values like it were right on the development set (table given for cross-validation). */
export function calibratedConfidence(
  field: CalibratedField,
  rule: number,
  structure: string,
  table: Readonly<Record<string, number>> = CALIBRATION_TABLE,
): number {
  for (const key of calibrationKeys(field, rule, structure)) {
    const p = table[key];
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
