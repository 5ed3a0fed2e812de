import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExpectedRoutine } from "./score.ts";
import { readSeedArticle } from "./seed-text.ts";

export interface ImportCase {
  name: string;
  text: string;
  expected: ExpectedRoutine;
}

const here = dirname(fileURLToPath(import.meta.url));

function casesIn(dir: string): ImportCase[] {
  return readdirSync(dir)
    .sort()
    .filter((f) => /^[a-z]?\d+-.*\.(txt|md|html)$/.test(f))
    .map((f) => {
      const name = f.replace(/\.(txt|md|html)$/, "");
      return {
        name,
        text: readFileSync(join(dir, f), "utf8"),
        expected: JSON.parse(readFileSync(join(dir, `${name}.expected.json`), "utf8")) as ExpectedRoutine,
      };
    });
}

/**
 * Routines written after the importer's rules were settled and never used to tune them: their
 * score estimates accuracy on unseen text. The benchmark reports them; no test asserts on them.
 */
export function loadHeldOutCases(): ImportCase[] {
  return casesIn(join(here, "held-out"));
}

/**
 * The corpus of real public routine texts (short excerpts, each citing its page in `source`),
 * in parts fixed before any rule was written against them: "dev", which rules may be changed
 * against; "calibration", collected later, which no rule is written against and on which the
 * confidence table is fitted and judged (bench/calibrate-import.ts); and "held-out", which is
 * only ever scored and reported.
 */
export function loadCorpus(part: "dev" | "calibration" | "held-out"): ImportCase[] {
  return casesIn(join(here, "corpus", part));
}

/** Every routine in this folder (NN-name.{txt,md,html} beside NN-name.expected.json), then the seed article. */
export function loadCases(): ImportCase[] {
  const cases = casesIn(here);
  cases.push({
    name: "seed",
    text: readSeedArticle(),
    expected: JSON.parse(readFileSync(join(here, "seed.expected.json"), "utf8")) as ExpectedRoutine,
  });
  return cases;
}
