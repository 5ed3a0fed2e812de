import { calibratedConfidence, calibrationKeys } from "../../src/core/import/calibration.ts";
import type { ShownValue } from "./calibration.ts";

/**
 * How the calibration table is fitted and judged, shared by bench/calibrate-import.ts (which
 * chooses and writes the table) and bench/import-corpus.ts (which reports how the chosen fit does
 * on text it was not fitted to). Values come per text: a text's values are fitted or judged together.
 */

/**
 * Which texts' values a table is fitted on: the development part, the calibration part, or both;
 * "dev/2+calibration" and "dev/4+calibration" count each development value as a half or a quarter
 * of one, since the rules were written against those texts and their values are right more often
 * than a new text's.
 */
export type FitSource = "dev" | "dev+calibration" | "dev/2+calibration" | "dev/4+calibration" | "calibration";
export const FIT_SOURCES: readonly FitSource[] = ["dev", "dev+calibration", "dev/2+calibration", "dev/4+calibration", "calibration"];
const DEV_WEIGHT: Record<FitSource, number> = {
  dev: 1,
  "dev+calibration": 1,
  "dev/2+calibration": 0.5,
  "dev/4+calibration": 0.25,
  calibration: 0,
};

/** Folds of the calibration part: each is judged by a table fitted without it. */
export const FOLDS = 10;

/** The lower Wilson bound at width z of a share right (right of total). */
export function wilsonLower(right: number, total: number, z: number): number {
  const p = right / total;
  const d = 1 + (z * z) / total;
  const centre = p + (z * z) / (2 * total);
  const margin = z * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total));
  return (centre - margin) / d;
}

/** A value and how much it counts in a fit (a development value may count for less than one). */
export interface WeightedValue {
  value: ShownValue;
  weight: number;
}

export interface TableEntry {
  p: number;
  right: number;
  total: number;
}

/**
 * The table fitted on some values: every key with its lower bound at width z. A group of few
 * values gets its own entry too: its bound is low (2 of 2 right is 0.33 at z 2), which says what is
 * known about text like it better than a coarser group would.
 */
export function fitTable(values: readonly WeightedValue[], z: number): Record<string, TableEntry> {
  const counts = new Map<string, { right: number; total: number }>();
  for (const { value: v, weight } of values) {
    if (!v.read || weight === 0) continue;
    for (const key of calibrationKeys(v.field, v.confidence, v.structure)) {
      const n = counts.get(key) ?? { right: 0, total: 0 };
      n.total += weight;
      if (v.right) n.right += weight;
      counts.set(key, n);
    }
  }
  const out: Record<string, TableEntry> = {};
  for (const [key, n] of counts) out[key] = { ...n, p: wilsonLower(n.right, n.total, z) };
  return out;
}

/** The table as calibratedConfidence reads it: key → calibrated confidence. */
export const probabilities = (t: Record<string, TableEntry>): Record<string, number> =>
  Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.p]));

/** The values with each read one's rule score replaced by the table's figure (defaults stay as they are). */
export function calibrateValues(values: readonly ShownValue[], table: Readonly<Record<string, number>>): ShownValue[] {
  return values.map((v) => (v.read ? { ...v, confidence: calibratedConfidence(v.field, v.confidence, v.structure, table) } : v));
}

/** Rule-scored values of each text of the two parts a table may be fitted on. */
export interface FitTexts {
  dev: readonly (readonly ShownValue[])[];
  calibration: readonly (readonly ShownValue[])[];
}

/** The values a source fits on, leaving out the calibration texts of one fold (-1: none left out). */
function fitValues(texts: FitTexts, source: FitSource, leftOut: number): WeightedValue[] {
  const dev = texts.dev.flat().map((value) => ({ value, weight: DEV_WEIGHT[source] }));
  if (source === "dev") return dev;
  const cal = texts.calibration.filter((_, i) => i % FOLDS !== leftOut).flat();
  return [...dev, ...cal.map((value) => ({ value, weight: 1 }))];
}

/**
 * Every calibration text's values, calibrated by a table fitted at width z on the source's texts
 * without that text's fold: how the table meets text that neither a rule nor the table was fitted
 * to. (Fitted on the development part alone, no fold is left out: it never sees the calibration part.)
 */
export function judgedOnCalibration(texts: FitTexts, source: FitSource, z: number): ShownValue[] {
  if (source === "dev") return calibrateValues(texts.calibration.flat(), probabilities(fitTable(fitValues(texts, "dev", -1), z)));
  const out: ShownValue[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const table = probabilities(fitTable(fitValues(texts, source, fold), z));
    out.push(...calibrateValues(texts.calibration.filter((_, i) => i % FOLDS === fold).flat(), table));
  }
  return out;
}

/** The table a source fits at width z on all of its texts: the one written to calibration-table.ts. */
export function finalTable(texts: FitTexts, source: FitSource, z: number): Record<string, TableEntry> {
  return fitTable(fitValues(texts, source, -1), z);
}
