import { describe, expect, it } from "vitest";
import { importRoutine } from "../../src/core/import/import-routine.ts";
import { combineScores, scoreDraft, type ExpectedRoutine } from "./score.ts";

const expected: ExpectedRoutine = {
  exercises: [
    {
      name: "Calf",
      position: "standing",
      equipment: ["wall"],
      sides: "both",
      firstSide: "left",
      reps: { min: 3, max: 3 },
      holds: [{ min: 30, max: 30 }],
    },
  ],
};

describe("scoring a draft against its expected structure", () => {
  it("scores every field right for a draft that matches", () => {
    const s = scoreDraft(
      importRoutine("Calf stretch: stand facing a wall, left foot back. Hold 30 s. Repeat 3 times each side."),
      expected,
    );
    expect(s.misses).toEqual([]);
    expect(s.accuracy).toBe(1);
    expect(s.total).toBe(9);
  });

  it("scores a missing exercise as wrong on all its fields", () => {
    const s = scoreDraft(importRoutine("Nothing to see here."), expected);
    expect(s.correct).toBe(0);
    expect(s.total).toBe(9);
  });

  it("names the field and values of each miss", () => {
    const s = scoreDraft(
      importRoutine("Calf stretch: stand facing a wall, left foot back. Hold 20 s. Repeat 3 times each side."),
      expected,
    );
    expect(s.misses).toEqual(["case: exercise 1 (Calf) hold 1 min 20 ≠ 30", "case: exercise 1 (Calf) hold 1 max 20 ≠ 30"]);
  });

  it("adds several scores field by field", () => {
    const a = scoreDraft(importRoutine("Nothing."), expected);
    const b = scoreDraft(
      importRoutine("Calf stretch: stand facing a wall, left foot back. Hold 30 s. Repeat 3 times each side."),
      expected,
    );
    const all = combineScores([a, b]);
    expect([all.correct, all.total]).toEqual([9, 18]);
  });
});
