import { describe, expect, it } from "vitest";
import { loadCorpus } from "./cases.ts";

const dev = loadCorpus("dev");
const heldOut = loadCorpus("held-out");
const all = [...dev, ...heldOut];

describe("the corpus of real routine texts", () => {
  it("holds at least 150 texts, a third of them held out", () => {
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(heldOut.length).toBe(Math.floor(all.length / 3));
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
