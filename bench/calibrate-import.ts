/**
 * Calibrates the importer's confidence on the development corpus (test/import-cases/corpus/dev)
 * and writes the table to src/core/import/calibration-table.ts. The held-out corpus is never
 * read here. Run: npx tsx bench/calibrate-import.ts
 *
 * Each read value (position, sides, first side, repetitions, hold, sets, breaths) is grouped by
 * its field, its rule's fixed score and how its exercise was found (structureOf); a group's
 * calibrated confidence is the lower Wilson bound (one standard error) of how often its values
 * were right, so a value shown as sure has earned it on text like it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { calibrationKeys } from "../src/core/import/calibration.ts";
import { readRoutine } from "../src/core/import/import-routine.ts";
import { shownValues } from "../test/import-cases/calibration.ts";
import { loadCorpus } from "../test/import-cases/cases.ts";
import { repoRoot } from "../test/import-cases/seed-text.ts";

/** Fewest values a group needs before it gets its own entry; smaller groups fall back to a coarser key. */
const MIN_VALUES = [8, 5, 1];

function wilsonLower(right: number, total: number, z = 1): number {
  const p = right / total;
  const d = 1 + (z * z) / total;
  const centre = p + (z * z) / (2 * total);
  const margin = z * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total));
  return (centre - margin) / d;
}

const counts = new Map<string, { right: number; total: number; level: number }>();
for (const c of loadCorpus("dev")) {
  for (const v of shownValues(readRoutine(c.text), c.expected)) {
    if (!v.read) continue;
    calibrationKeys(v.field, v.confidence, v.structure).forEach((key, level) => {
      const n = counts.get(key) ?? { right: 0, total: 0, level };
      n.total++;
      if (v.right) n.right++;
      counts.set(key, n);
    });
  }
}
const entries = [...counts]
  .filter(([, n]) => n.total >= MIN_VALUES[n.level]!)
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([key, n]) => `  ${JSON.stringify(key)}: ${wilsonLower(n.right, n.total).toFixed(2)}, // ${n.right}/${n.total} right`);
const file = join(repoRoot, "src", "core", "import", "calibration-table.ts");
writeFileSync(
  file,
  `// Written by bench/calibrate-import.ts from the development corpus (${loadCorpus("dev").length} texts); do not edit by hand.\n` +
    `// Key: field|rule score|how the exercise was found, then coarser keys; value: calibrated confidence.\n` +
    `export const CALIBRATION_TABLE: Readonly<Record<string, number>> = {\n${entries.join("\n")}\n};\n`,
);
console.log(`wrote ${entries.length} entries to ${file}`);
