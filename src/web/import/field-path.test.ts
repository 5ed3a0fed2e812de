import { describe, expect, it } from "vitest";
import { fieldForProblem, fieldId, parentPath, pathKeys, withValue } from "./field-path.ts";
import { formPaths } from "./form-paths.ts";

const program: {
  title: string;
  exercises: {
    name: string;
    sides: string;
    progression: { capSeconds: number | null };
    phases: { name: string; holdSeconds?: { min: number; max: number } }[];
  }[];
} = {
  title: "Feet",
  exercises: [
    { name: "Calf", sides: "both", progression: { capSeconds: null }, phases: [{ name: "Hold", holdSeconds: { min: 20, max: 30 } }] },
    { name: "Shin", sides: "none", progression: { capSeconds: 120 }, phases: [{ name: "A" }, { name: "B" }] },
  ],
};

describe("field paths of the Import form", () => {
  it("reads a schema path into keys and back up to its parent", () => {
    expect(pathKeys("exercises[1].phases[0].holdSeconds.max")).toEqual(["exercises", 1, "phases", 0, "holdSeconds", "max"]);
    expect(parentPath("exercises[1].phases[0].holdSeconds.max")).toBe("exercises[1].phases[0].holdSeconds");
    expect(parentPath("exercises[1].phases[0]")).toBe("exercises[1].phases");
    expect(parentPath("title")).toBe("");
  });

  it("gives each path a DOM id made of letters, digits and hyphens", () => {
    expect(fieldId("exercises[1].phases[0].holdSeconds.max")).toBe("field-exercises-1-phases-0-holdSeconds-max");
  });

  it("changes one value and shares everything off its path", () => {
    const next = withValue(program, "exercises[0].phases[0].holdSeconds.min", 25);
    expect(next.exercises[0]!.phases[0]!.holdSeconds).toEqual({ min: 25, max: 30 });
    expect(program.exercises[0]!.phases[0]!.holdSeconds!.min).toBe(20);
    expect(next.exercises[1]).toBe(program.exercises[1]);
  });

  it("shows a problem on its own field when the form has one", () => {
    expect(fieldForProblem("exercises[0].phases[0].holdSeconds.max", formPaths(program as never))).toBe(
      "exercises[0].phases[0].holdSeconds.max",
    );
  });

  it("shows a problem inside an equipment item on the exercise's equipment line", () => {
    expect(fieldForProblem("exercises[0].equipment[1].alternatives[0]", formPaths(program as never))).toBe("exercises[0].equipment");
  });

  it("shows a problem on a part without a field on the exercise's own box, and an unknown one on the program", () => {
    const paths = formPaths(program as never);
    expect(fieldForProblem("exercises[1].summary", paths)).toBe("exercises[1]");
    expect(fieldForProblem("exercises[1].phases[1].instructions[0]", paths)).toBe("exercises[1].phases[1]");
    expect(fieldForProblem("id", paths)).toBe("");
  });

  it("offers the first side only for an exercise done on each side, and the growth cap only when one is set", () => {
    const paths = formPaths(program as never);
    expect([paths.has("exercises[0].firstSide"), paths.has("exercises[1].firstSide")]).toEqual([true, false]);
    expect([paths.has("exercises[0].progression.capSeconds"), paths.has("exercises[1].progression.capSeconds")]).toEqual([false, true]);
    expect(fieldForProblem("exercises[1].firstSide", paths)).toBe("exercises[1]");
  });
});
