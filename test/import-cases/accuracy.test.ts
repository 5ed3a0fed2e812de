import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importRoutine } from "../../src/core/import/index.ts";
import { combineScores, formatScore, scoreDraft } from "./score.ts";
import { loadCases } from "./cases.ts";

const cases = loadCases();
const knownMisses = readFileSync(join(import.meta.dirname, "known-misses.txt"), "utf8")
  .split("\n")
  .filter((line) => line !== "" && !line.startsWith("#"));

describe("import accuracy on the case set", () => {
  it("has the seed article and at least 15 routines written for the test set", () => {
    expect(cases.filter((c) => c.name !== "seed").length).toBeGreaterThanOrEqual(15);
    expect(cases.some((c) => c.name === "seed")).toBe(true);
  });

  it("misses exactly the pinned fields, no more and no fewer (test/import-cases/known-misses.txt)", () => {
    const scores = cases.map((c) => scoreDraft(importRoutine(c.text), c.expected, c.name));
    const all = combineScores(scores);
    console.log(`Import accuracy over ${cases.length} cases\n${formatScore(all)}\nMisses:\n${all.misses.join("\n") || "(none)"}`);
    expect(all.misses).toEqual(knownMisses);
    expect(all.total - all.correct).toBe(knownMisses.length);
  });

  it("reads the seed article with every scored field right", () => {
    const seed = cases.find((c) => c.name === "seed")!;
    const score = scoreDraft(importRoutine(seed.text), seed.expected, "seed");
    expect(score.misses).toEqual([]);
  });
});
