import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importRoutine } from "../../src/core/import/index.ts";
import { loadCorpus } from "./cases.ts";
import { combineScores, scoreDraft } from "./score.ts";

const dev = loadCorpus("dev");
/** The development texts of the first split (c…); the k… ones were moved in from the calibration part. */
const firstDev = dev.filter((c) => c.name.startsWith("c"));
const movedIn = dev.filter((c) => !c.name.startsWith("c"));
const calibration = loadCorpus("calibration");
const heldOut = loadCorpus("held-out");
const all = [...dev, ...calibration, ...heldOut];

describe("the corpus of real routine texts", () => {
  it("holds at least 150 texts in the first split, a third of them held out", () => {
    const firstSplit = firstDev.length + heldOut.length;
    expect(firstSplit).toBeGreaterThanOrEqual(150);
    expect(heldOut.length).toBe(Math.floor(firstSplit / 3));
  });

  it("has a calibration part of at least 150 texts, none from a page already in the development or held-out part", () => {
    expect(calibration.length).toBeGreaterThanOrEqual(150);
    const earlier = new Set([...dev, ...heldOut].map((c) => c.expected.source));
    expect(calibration.filter((c) => earlier.has(c.expected.source)).map((c) => c.name)).toEqual([]);
    expect(new Set(calibration.map((c) => c.expected.source)).size).toBe(calibration.length);
  });

  it("moved into the development part exactly the calibration texts numbered by a multiple of 5 (k005 … k190)", () => {
    const numbers = movedIn.map((c) => /^k(\d{3})-/.exec(c.name)?.[1]);
    expect(numbers).toEqual(Array.from({ length: 38 }, (_, i) => String(5 * (i + 1)).padStart(3, "0")));
    expect(calibration.filter((c) => Number(c.name.slice(1, 4)) % 5 === 0).map((c) => c.name)).toEqual([]);
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
