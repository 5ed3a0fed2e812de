import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "./index.ts";
import { compileTimeline } from "../src/core/timeline.ts";

const program = builtInProgram(defaultProgramId)!;
const byId = (id: string) => program.exercises.find((e) => e.id === id)!;

describe("the built-in foot program", () => {
  it("has the article's four exercises in order", () => {
    expect(program.exercises.map((e) => e.id)).toEqual([
      "strap-eversion-inversion",
      "toe-dorsiflexion-plantar-flexion",
      "wall-calf-stretch",
      "kneeling-shin-stretch",
    ]);
  });

  it("does the strap stretch seated with a strap or towel, left foot first, eversion then inversion for 10-20 s, 3 times", () => {
    const ex = byId("strap-eversion-inversion");
    expect(ex.position).toBe("seated");
    expect(ex.equipment[0]).toMatchObject({ name: "stretch strap", alternatives: ["towel"] });
    expect([ex.sides, ex.firstSide]).toEqual(["both", "left"]);
    expect(ex.reps).toEqual({ min: 3, max: 3 });
    expect(ex.phases.map((p) => [p.motion, p.holdSeconds.min, p.holdSeconds.max])).toEqual([
      ["eversion", 10, 20],
      ["inversion", 10, 20],
    ]);
  });

  it("does the toe stretch seated, right foot first, up then down for 20-30 s, 2-3 times", () => {
    const ex = byId("toe-dorsiflexion-plantar-flexion");
    expect([ex.position, ex.sides, ex.firstSide]).toEqual(["seated", "both", "right"]);
    expect(ex.reps).toEqual({ min: 2, max: 3 });
    expect(ex.phases.map((p) => [p.motion, p.holdSeconds.min, p.holdSeconds.max])).toEqual([
      ["dorsiflexion", 20, 30],
      ["plantar-flexion", 20, 30],
    ]);
  });

  it("does the calf stretch standing at a wall, left first, 20-30 s, 2-3 times a side", () => {
    const ex = byId("wall-calf-stretch");
    expect([ex.position, ex.sides, ex.firstSide]).toEqual(["standing", "both", "left"]);
    expect(ex.equipment.map((e) => e.name)).toContain("wall");
    expect(ex.reps).toEqual({ min: 2, max: 3 });
    expect(ex.phases[0]!.holdSeconds).toEqual({ min: 20, max: 30 });
  });

  it("does the shin stretch kneeling with both feet at once, 20-60 s at first and growing beyond", () => {
    const ex = byId("kneeling-shin-stretch");
    expect([ex.position, ex.sides, ex.firstSide]).toEqual(["kneeling", "none", null]);
    expect(ex.phases[0]!.holdSeconds).toEqual({ min: 20, max: 60 });
    expect(ex.progression.capSeconds).toBeGreaterThan(60);
  });

  it("explains all four foot motions, with where weight falls for inversion and eversion", () => {
    const motions = program.glossary.map((g) => g.motion);
    expect(motions).toEqual(expect.arrayContaining(["inversion", "eversion", "dorsiflexion", "plantar-flexion"]));
    expect(program.glossary.find((g) => g.motion === "inversion")!.weight).toMatch(/outer edge/);
    expect(program.glossary.find((g) => g.motion === "eversion")!.weight).toMatch(/inner edge/);
  });

  it("carries safety notes about gentle stretching, stopping on pain, numbness or tingling, and asking a professional", () => {
    const safety = program.safety.join(" ").toLowerCase();
    for (const word of ["gentle", "sharp", "numbness", "tingling", "doctor"]) expect(safety).toContain(word);
  });

  it("compiles a first session of exactly 25 holds totalling 380 seconds", () => {
    const t = compileTimeline(program, null);
    expect(t.holdCount).toBe(25);
    expect(t.holdSeconds).toBe(380);
  });
});
