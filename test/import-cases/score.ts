import type { IntRange } from "../../src/core/program.ts";
import type { ImportDraft } from "../../src/core/import/draft.ts";

/** What a routine should import as, field by field; written by hand for each test case. */
export interface ExpectedExercise {
  /** For people reading the case; not scored. */
  name: string;
  position: string;
  /** Canonical equipment kinds, e.g. ["strap"]; not scored when absent (the real-text corpus leaves it out). */
  equipment?: string[];
  sides: "both" | "none" | "one";
  firstSide: "left" | "right" | null;
  reps: IntRange;
  /** One entry per timed hold; empty when the text gives no hold time. */
  holds: IntRange[];
  /** Sets, when the text gives them ("3 sets of 10" → 3, with reps 10); scored only when present. */
  sets?: IntRange;
  /** The first hold as a number of breaths, when the text gives it so ("5 breaths"); scored only when present. */
  breaths?: IntRange;
}

export interface ExpectedRoutine {
  /** Where a real text came from (the page address); for people, not scored. */
  source?: string;
  /** The style of writing the case stands for, e.g. "numbered-no-heading"; used to group scores. */
  style?: string;
  exercises: ExpectedExercise[];
}

export const SCORED_FIELDS = [
  "exercises",
  "position",
  "equipment",
  "sides",
  "firstSide",
  "repsMin",
  "repsMax",
  "holdMin",
  "holdMax",
  "sets",
  "breaths",
] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export interface FieldTally {
  correct: number;
  total: number;
}

export interface Score {
  fields: Record<ScoredField, FieldTally>;
  correct: number;
  total: number;
  accuracy: number;
  /** Each wrong field, for reading why a case scored as it did. */
  misses: string[];
}

const emptyTallies = (): Record<ScoredField, FieldTally> =>
  Object.fromEntries(SCORED_FIELDS.map((f) => [f, { correct: 0, total: 0 }])) as Record<ScoredField, FieldTally>;

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/**
 * Scores a draft against the expected routine: one point for the exercise count, then per
 * expected exercise (matched in order) position, equipment kinds, sides, first side, repetitions
 * min and max, and each hold's min and max. A missing exercise or hold scores zero on its fields.
 */
export function scoreDraft(draft: ImportDraft, expected: ExpectedRoutine, label = "case"): Score {
  const fields = emptyTallies();
  const misses: string[] = [];
  const mark = (field: ScoredField, ok: boolean, what: string) => {
    fields[field].total++;
    if (ok) fields[field].correct++;
    else misses.push(`${label}: ${what}`);
  };
  mark(
    "exercises",
    draft.exercises.length === expected.exercises.length,
    `found ${draft.exercises.length} exercises, expected ${expected.exercises.length}`,
  );
  expected.exercises.forEach((want, i) => {
    const got = draft.exercises[i];
    const at = `exercise ${i + 1} (${want.name})`;
    mark("position", got?.position.value === want.position, `${at} position ${got?.position.value} ≠ ${want.position}`);
    if (want.equipment) {
      const kinds = got?.equipment.map((e) => e.kind) ?? null;
      mark("equipment", kinds !== null && sameSet(kinds, want.equipment), `${at} equipment [${kinds}] ≠ [${want.equipment}]`);
    }
    mark("sides", got?.sides.value === want.sides, `${at} sides ${got?.sides.value} ≠ ${want.sides}`);
    const firstSide = got ? (got.sides.value === "none" ? null : got.firstSide.value) : undefined;
    mark("firstSide", firstSide === want.firstSide, `${at} first side ${firstSide} ≠ ${want.firstSide}`);
    mark("repsMin", got?.reps.value.min === want.reps.min, `${at} reps min ${got?.reps.value.min} ≠ ${want.reps.min}`);
    mark("repsMax", got?.reps.value.max === want.reps.max, `${at} reps max ${got?.reps.value.max} ≠ ${want.reps.max}`);
    if (want.sets) {
      const sets = got?.sets?.value ?? null;
      mark(
        "sets",
        sets !== null && sets.min === want.sets.min && sets.max === want.sets.max,
        `${at} sets ${sets?.min}-${sets?.max} ≠ ${want.sets.min}-${want.sets.max}`,
      );
    }
    if (want.breaths) {
      const breaths = got?.phases[0]?.breaths?.value ?? null;
      const ok = breaths !== null && breaths.min === want.breaths.min && breaths.max === want.breaths.max;
      mark("breaths", ok, `${at} breaths ${breaths?.min}-${breaths?.max} ≠ ${want.breaths.min}-${want.breaths.max}`);
    }
    const gotHolds = got
      ? got.phases.map((p) => p.hold?.value ?? null).filter((h, k, all) => h !== null || all.some((x) => x !== null) || k === 0)
      : [];
    const wantHolds: Array<IntRange | null> = want.holds.length > 0 ? want.holds : [null];
    const n = Math.max(wantHolds.length, got ? Math.max(1, gotHolds.length) : wantHolds.length);
    for (let k = 0; k < n; k++) {
      const w = wantHolds[k];
      const g = !got ? undefined : k < gotHolds.length ? gotHolds[k] : k === 0 && gotHolds.length === 0 ? null : undefined;
      mark(
        "holdMin",
        w !== undefined && g !== undefined && (w?.min ?? null) === (g?.min ?? null),
        `${at} hold ${k + 1} min ${g?.min} ≠ ${w?.min}`,
      );
      mark(
        "holdMax",
        w !== undefined && g !== undefined && (w?.max ?? null) === (g?.max ?? null),
        `${at} hold ${k + 1} max ${g?.max} ≠ ${w?.max}`,
      );
    }
  });
  return summarise(fields, misses);
}

function summarise(fields: Record<ScoredField, FieldTally>, misses: string[]): Score {
  const correct = SCORED_FIELDS.reduce((s, f) => s + fields[f].correct, 0);
  const total = SCORED_FIELDS.reduce((s, f) => s + fields[f].total, 0);
  return { fields, correct, total, accuracy: total === 0 ? 1 : correct / total, misses };
}

/** Adds scores of several cases into one. */
export function combineScores(scores: readonly Score[]): Score {
  const fields = emptyTallies();
  for (const s of scores)
    for (const f of SCORED_FIELDS) {
      fields[f].correct += s.fields[f].correct;
      fields[f].total += s.fields[f].total;
    }
  return summarise(
    fields,
    scores.flatMap((s) => s.misses),
  );
}

/** A fixed-width table of per-field accuracy, for test output and the benchmark. */
export function formatScore(score: Score): string {
  const rows = SCORED_FIELDS.map((f) => {
    const t = score.fields[f];
    const pct = t.total === 0 ? "-" : `${((100 * t.correct) / t.total).toFixed(1)}%`;
    return `${f.padEnd(10)} ${String(t.correct).padStart(4)}/${String(t.total).padEnd(4)} ${pct}`;
  });
  return [
    ...rows,
    `${"overall".padEnd(10)} ${String(score.correct).padStart(4)}/${String(score.total).padEnd(4)} ${(100 * score.accuracy).toFixed(1)}%`,
  ].join("\n");
}
