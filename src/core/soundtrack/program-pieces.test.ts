import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../../../content/index.ts";
import { compileTimeline } from "../timeline.ts";
import { programPieces, timelinePieces } from "./program-pieces.ts";

const program = builtInProgram(defaultProgramId)!;

describe("programPieces", () => {
  it("lists each sentence of the first session once, in the order it is first said", () => {
    const first = timelinePieces(compileTimeline(program, null));
    expect(first.slice(0, 3)).toEqual([
      "Strap stretch: eversion and inversion.",
      "Left foot first.",
      "Sit with your legs out in front of you.",
    ]);
    expect(new Set(first).size).toBe(first.length);
  });

  it("adds the hold lengths later sessions reach as the holds grow, up to the cap", () => {
    const holds = programPieces(program)
      .filter((p) => /^Hold for \d+ seconds\.$/.test(p))
      .map((p) => Number(p.match(/\d+/)![0]));
    expect(holds.sort((a, b) => a - b)).toEqual([
      10, 12, 14, 16, 18, 20, 22, 24, 25, 26, 28, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100, 105, 110, 115, 120,
    ]);
  });
});
