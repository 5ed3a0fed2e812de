import { structureOf, type CalibratedField } from "../../src/core/import/calibration.ts";
import type { Found, ImportDraft } from "../../src/core/import/draft.ts";
import type { ExpectedRoutine } from "./score.ts";

/** Values at or above this are shown as sure. */
export const SURE_FROM = 0.9;
/** Values below this, or not read from the text at all, carry a "Check" mark (src/web/import/field-origins.ts). */
export const CHECK_BELOW = 0.7;

/** One scored value the importer showed: how sure it said it was, and whether it was right. */
export interface ShownValue {
  field: CalibratedField;
  confidence: number;
  /** Read from the text (it has a span); a default is always marked "Check". */
  read: boolean;
  right: boolean;
  /** How the value's exercise was found (structureOf). */
  structure: string;
}

const same = (a: { min: number; max: number } | null | undefined, b: { min: number; max: number } | null | undefined) =>
  (a ?? null) === null ? (b ?? null) === null : b !== null && b !== undefined && a!.min === b.min && a!.max === b.max;

const shown = (field: CalibratedField, f: Found<unknown> | null, right: boolean, structure: string): ShownValue => ({
  field,
  confidence: f?.confidence ?? 0,
  read: f !== null && f.span !== null,
  right,
  structure,
});

/**
 * Every value of the draft's exercises that the scoring compares, matched in order like
 * scoreDraft, with its confidence and whether it is right. Exercises the draft lacks show no
 * values (they are counted as missed movements instead).
 */
export function shownValues(draft: ImportDraft, expected: ExpectedRoutine): ShownValue[] {
  const out: ShownValue[] = [];
  expected.exercises.forEach((want, i) => {
    const got = draft.exercises[i];
    if (!got) return;
    const st = structureOf(got, draft.doubtfulStructure);
    out.push(shown("position", got.position, got.position.value === want.position, st));
    out.push(shown("sides", got.sides, got.sides.value === want.sides, st));
    if (got.sides.value !== "none") out.push(shown("firstSide", got.firstSide, got.firstSide.value === want.firstSide, st));
    out.push(shown("reps", got.reps, same(got.reps.value, want.reps), st));
    got.phases.forEach((p, k) => {
      const w = want.holds[k] ?? null;
      if (p.hold || w) out.push(shown("hold", p.hold, same(p.hold?.value ?? null, w), st));
    });
    if (want.sets || got.sets) out.push(shown("sets", got.sets, same(got.sets?.value ?? null, want.sets ?? null), st));
    if (want.breaths || got.phases[0]?.breaths)
      out.push(shown("breaths", got.phases[0]?.breaths ?? null, same(got.phases[0]?.breaths?.value ?? null, want.breaths ?? null), st));
  });
  return out;
}

export interface Calibration {
  sure: number;
  sureRight: number;
  wrong: number;
  wrongChecked: number;
  checked: number;
  values: number;
}

/** How often sure values are right, and how many wrong values carry a "Check" mark. */
export function calibrationOf(values: readonly ShownValue[]): Calibration {
  const isSure = (v: ShownValue) => v.read && v.confidence >= SURE_FROM;
  const isChecked = (v: ShownValue) => !v.read || v.confidence < CHECK_BELOW;
  const wrong = values.filter((v) => !v.right);
  return {
    sure: values.filter(isSure).length,
    sureRight: values.filter((v) => isSure(v) && v.right).length,
    wrong: wrong.length,
    wrongChecked: wrong.filter(isChecked).length,
    checked: values.filter(isChecked).length,
    values: values.length,
  };
}

const pct = (a: number, b: number) => (b === 0 ? "-" : `${((100 * a) / b).toFixed(1)}%`);

/** "sure right 95.2% (…/…); wrong values marked Check 81.0% (…/…); Check marks on 30.1% of values". */
export function formatCalibration(c: Calibration): string {
  return `sure (≥ ${SURE_FROM}) right ${pct(c.sureRight, c.sure)} (${c.sureRight}/${c.sure}); wrong values marked "Check" ${pct(c.wrongChecked, c.wrong)} (${c.wrongChecked}/${c.wrong}); "Check" on ${pct(c.checked, c.values)} of ${c.values} values`;
}
