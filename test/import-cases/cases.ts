import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExpectedRoutine } from "../../src/core/import/score.ts";
import { readSeedArticle } from "./seed-text.ts";

export interface ImportCase {
  name: string;
  text: string;
  expected: ExpectedRoutine;
}

const here = dirname(fileURLToPath(import.meta.url));

/** Every routine in this folder (NN-name.{txt,md,html} beside NN-name.expected.json), then the seed article. */
export function loadCases(): ImportCase[] {
  const files = readdirSync(here).sort();
  const cases = files
    .filter((f) => /^\d\d-.*\.(txt|md|html)$/.test(f))
    .map((f) => {
      const name = f.replace(/\.(txt|md|html)$/, "");
      return {
        name,
        text: readFileSync(join(here, f), "utf8"),
        expected: JSON.parse(readFileSync(join(here, `${name}.expected.json`), "utf8")) as ExpectedRoutine,
      };
    });
  cases.push({ name: "seed", text: readSeedArticle(), expected: JSON.parse(readFileSync(join(here, "seed.expected.json"), "utf8")) as ExpectedRoutine });
  return cases;
}
