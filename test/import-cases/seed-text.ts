import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found from this file's place in test/import-cases/. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The folder of shared seed articles, cloned next to the repository. */
export const seedDir = resolve(repoRoot, "..", "shared", "seed");

/** The seed article's text, read at test time and never copied into the repository. */
export function readSeedArticle(): string {
  const file = readdirSync(seedDir)
    .filter((f) => f.endsWith(".txt"))
    .sort()[0];
  if (!file) throw new Error(`no seed article (*.txt) in ${seedDir}`);
  return readFileSync(join(seedDir, file), "utf8");
}
