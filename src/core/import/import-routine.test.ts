import { describe, expect, it } from "vitest";
import { builtInProgram } from "../../../content/index.ts";
import { readSeedArticle } from "../../../test/import-cases/seed-text.ts";
import { Program } from "../program.ts";
import { compileTimeline } from "../timeline.ts";
import { draftToProgram, importRoutine } from "./index.ts";

const seed = readSeedArticle();
const draft = importRoutine(seed);
const converted = draftToProgram(draft);
const program = converted.ok ? converted.program : null;
const builtIn = builtInProgram("foot-stretches-for-lower-back-pain")!;

describe("importing the seed article", () => {
  it("finds the four exercises of the built-in program, named as the article heads them", () => {
    expect(draft.exercises.map((e) => e.name.value)).toEqual([
      "Inversion and Eversion Strap Stretch",
      "Dorsiflexion and Plantar Flexion at the Toe Stretch",
      "Calf Stretch",
      "Shin Stretch",
    ]);
    expect(program).not.toBeNull();
    expect(Program.safeParse(program).success).toBe(true);
  });

  it("reads every fact the built-in program holds: position, sides, first side, repetitions, holds, motions", () => {
    const facts = (p: Program) =>
      p.exercises.map((e) => ({
        position: e.position,
        sides: e.sides,
        firstSide: e.firstSide,
        reps: e.reps,
        holds: e.phases.map((ph) => ph.holdSeconds),
        motions: e.phases.map((ph) => ph.motion),
      }));
    expect(facts(program!)).toEqual(facts(builtIn));
  });

  it("reads the strap stretch as seated with a strap or towel, left first, eversion then inversion 10–20 s, 3 times each side", () => {
    const strap = program!.exercises[0]!;
    expect(strap.position).toBe("seated");
    expect(strap.equipment.map((q) => [q.name, q.alternatives])).toEqual([["stretch strap", ["towel"]]]);
    expect([strap.sides, strap.firstSide]).toEqual(["both", "left"]);
    expect(strap.phases.map((p) => [p.motion, p.holdSeconds])).toEqual([
      ["eversion", { min: 10, max: 20 }],
      ["inversion", { min: 10, max: 20 }],
    ]);
    expect(strap.reps).toEqual({ min: 3, max: 3 });
  });

  it("reads the toe stretch as seated, right first, two 20–30 s holds, 2–3 times each side", () => {
    const toe = program!.exercises[1]!;
    expect([toe.position, toe.sides, toe.firstSide]).toEqual(["seated", "both", "right"]);
    expect(toe.phases.map((p) => p.holdSeconds)).toEqual([
      { min: 20, max: 30 },
      { min: 20, max: 30 },
    ]);
    expect(toe.reps).toEqual({ min: 2, max: 3 });
    expect(toe.equipment).toEqual([]);
  });

  it("reads the calf stretch as standing at a wall, left first, 20–30 s, 2–3 times each side", () => {
    const calf = program!.exercises[2]!;
    expect([calf.position, calf.sides, calf.firstSide]).toEqual(["standing", "both", "left"]);
    expect(calf.equipment.map((q) => q.name)).toEqual(["wall"]);
    expect(calf.phases.map((p) => [p.motion, p.holdSeconds])).toEqual([["dorsiflexion", { min: 20, max: 30 }]]);
    expect(calf.reps).toEqual({ min: 2, max: 3 });
  });

  it("reads the shin stretch as kneeling with both feet together, 20–60 s once, with holds that keep growing", () => {
    const shin = program!.exercises[3]!;
    expect([shin.position, shin.sides, shin.firstSide]).toEqual(["kneeling", "none", null]);
    expect(shin.phases.map((p) => [p.motion, p.holdSeconds])).toEqual([["plantar-flexion", { min: 20, max: 60 }]]);
    expect(shin.reps).toEqual({ min: 1, max: 1 });
    expect(shin.progression.capSeconds).toBe(builtIn.exercises[3]!.progression.capSeconds);
    expect(shin.progression.addReps).toBe(false);
  });

  it("compiles to a first session of 25 holds and 380 s of holding, as the built-in program does", () => {
    const imported = compileTimeline(program!, null);
    const shipped = compileTimeline(builtIn, null);
    expect([imported.holdCount, imported.holdSeconds]).toEqual([25, 380]);
    expect([imported.holdCount, imported.holdSeconds]).toEqual([shipped.holdCount, shipped.holdSeconds]);
  });

  it("points every hold's span at the words it was read from", () => {
    const holds = draft.exercises.flatMap((e) => e.phases.map((p) => seed.slice(p.hold!.span!.start, p.hold!.span!.end)));
    expect(holds).toEqual(["10-20 seconds", "10-20 seconds", "20-30 seconds", "20-30 seconds", "20-30 seconds", "20-60 seconds"]);
  });

  it("keeps the four motion definitions as glossary terms", () => {
    expect(program!.glossary.map((g) => g.motion)).toEqual(["inversion", "eversion", "dorsiflexion", "plantar-flexion"]);
  });

  it("lists the text it did not use, such as the sign-off, instead of dropping it", () => {
    const unused = draft.unparsed.map((u) => seed.slice(u.span.start, u.span.end));
    expect(unused.some((t) => t.includes("CASEY EDMONDS"))).toBe(true);
  });
});

describe("importing text with no routine in it", () => {
  it("answers an empty draft with a reason for empty text", () => {
    const d = importRoutine("   \n\t ");
    expect(d.exercises).toEqual([]);
    expect(d.warnings[0]!.message).toMatch(/empty/);
  });

  it("answers an empty draft with a reason for prose without exercises", () => {
    const d = importRoutine("Our clinic is open Monday to Friday. Call us to book.");
    expect(d.exercises).toEqual([]);
    expect(d.warnings.map((w) => w.message).join(" ")).toMatch(/No exercises found/);
    expect(draftToProgram(d).ok).toBe(false);
  });
});

describe("importing a paragraph crowded with numbers", () => {
  it("reads the first 200 times and counts of a paragraph, says so, and still reads its repetitions", () => {
    const text = `Calf stretch: hold 30 seconds, ${"x2 ".repeat(300)}`;
    const d = importRoutine(text);
    expect(d.warnings.map((w) => w.message)).toContain("A paragraph holds 200 or more times and counts; only the first 200 were read.");
    expect(d.exercises.map((e) => [e.name.value, e.phases[0]!.hold!.value, e.reps.value])).toEqual([
      ["Calf stretch", { min: 30, max: 30 }, { min: 2, max: 2 }],
    ]);
  });

  it("does not warn about a paragraph of ordinary length", () => {
    const messages = importRoutine("Calf stretch: hold 30 seconds, 3 times each side.").warnings.map((w) => w.message);
    expect(messages).not.toContain("A paragraph holds 200 or more times and counts; only the first 200 were read.");
  });
});
