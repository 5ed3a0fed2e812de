import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importRoutine } from "../../src/core/import/index.ts";
import { loadCorpus } from "./cases.ts";
import { combineScores, scoreDraft } from "./score.ts";

const dev = loadCorpus("dev");
const calibration = loadCorpus("calibration");
const heldOut = loadCorpus("held-out");
const all = [...dev, ...calibration, ...heldOut];

describe("the corpus of real routine texts", () => {
  it("holds at least 150 texts in the first split, a third of them held out", () => {
    const firstSplit = dev.length + heldOut.length;
    expect(firstSplit).toBeGreaterThanOrEqual(150);
    expect(heldOut.length).toBe(Math.floor(firstSplit / 3));
  });

  it("has a calibration part of at least 150 texts, none from a page already in the development or held-out part", () => {
    expect(calibration.length).toBeGreaterThanOrEqual(150);
    const earlier = new Set([...dev, ...heldOut].map((c) => c.expected.source));
    expect(calibration.filter((c) => earlier.has(c.expected.source)).map((c) => c.name)).toEqual([]);
    expect(new Set(calibration.map((c) => c.expected.source)).size).toBe(calibration.length);
  });

  it("cites the public page of every text", () => {
    expect(all.filter((c) => !/^https?:\/\/\S+$/.test(c.expected.source ?? "")).map((c) => c.name)).toEqual([]);
  });

  it("covers at least 12 styles of writing", () => {
    expect(new Set(all.map((c) => c.expected.style)).size).toBeGreaterThanOrEqual(12);
  });

  it("keeps each text a short excerpt", () => {
    expect(all.filter((c) => c.text.length > 3000).map((c) => c.name)).toEqual([]);
  });

  it("labels every movement with a whole-number range in order", () => {
    const bad = all.flatMap((c) =>
      c.expected.exercises
        .filter((e) => [e.reps, ...e.holds, ...(e.sets ? [e.sets] : []), ...(e.breaths ? [e.breaths] : [])].some((r) => r.min > r.max))
        .map((e) => `${c.name}: ${e.name}`),
    );
    expect(bad).toEqual([]);
  });
});

describe("the importer on the development corpus", () => {
  it("misses exactly the pinned fields, no more and no fewer (test/import-cases/corpus/dev-misses.txt)", () => {
    const pinned = readFileSync(join(import.meta.dirname, "corpus", "dev-misses.txt"), "utf8")
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("#"));
    const all = combineScores(dev.map((c) => scoreDraft(importRoutine(c.text), c.expected, c.name)));
    expect(all.misses).toEqual(pinned);
  });
});
