import { describe, expect, it } from "vitest";
import { Program } from "../program.ts";
import { importRoutine } from "./import-routine.ts";
import { DEFAULT_REP_SECONDS, draftToProgram, slugify } from "./to-program.ts";

const convert = (text: string) => {
  const r = draftToProgram(importRoutine(text));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
};

describe("turning a draft into a program", () => {
  it("produces a program the schema accepts, with slug ids and instructions taken from the text", () => {
    const { program } = convert(
      "## Calf Stretch\nStand facing a wall. Lean in until you feel the calf. Hold for 30 seconds. Repeat 3 times each side.",
    );
    expect(Program.safeParse(program).success).toBe(true);
    expect(program.exercises[0]!.id).toBe("calf-stretch");
    expect(program.exercises[0]!.phases[0]!.instructions).toEqual(["Lean in until you feel the calf."]);
    expect(program.exercises[0]!.phases[0]!.motion).toBe("dorsiflexion");
  });

  it("converts a breath count to seconds and says so in a warning", () => {
    const { program, warnings } = convert("Child's pose: kneel and sit back. Stay for 5 deep breaths.");
    expect(program.exercises[0]!.phases[0]!.holdSeconds).toEqual({ min: 30, max: 30 });
    expect(warnings.map((w) => w.message).join(" ")).toMatch(/5 breaths taken as 30 s/);
  });

  it("sets a cap above the range when the text asks to gradually add time", () => {
    const { program } = convert("Shin stretch: kneel and sit back on your heels. Hold for 20-60 seconds. Gradually add time.");
    expect(program.exercises[0]!.progression).toEqual({ stepSeconds: 5, capSeconds: 120, addReps: false });
  });

  it("uses a stated build-up target as the cap", () => {
    const { program } = convert("Calf stretch: stand at a wall. Start with 15 seconds and build up to 45 seconds.");
    expect(program.exercises[0]!.progression.capSeconds).toBe(45);
  });

  it("gives repetitions without a hold a short default hold and warns about it", () => {
    const { program, warnings } = convert("Ankle pumps: 3 sets of 10.");
    expect(program.exercises[0]!.phases[0]!.holdSeconds.min).toBe(DEFAULT_REP_SECONDS);
    expect(program.exercises[0]!.reps).toEqual({ min: 20, max: 20 });
    expect(warnings.map((w) => w.message).join(" ")).toMatch(/3 sets of 10 became 30 repetitions/);
    expect(warnings.map((w) => w.message).join(" ")).toMatch(/outside what Limber allows/);
  });

  it("plays a one-side-only exercise once, without switching, and warns", () => {
    const { program, warnings } = convert(
      "Calf stretch: sit with your right leg straight. Hold 20 seconds. Repeat 4 times on the right side only.",
    );
    expect([program.exercises[0]!.sides, program.exercises[0]!.firstSide]).toEqual(["none", null]);
    expect(warnings.map((w) => w.message).join(" ")).toMatch(/right side only/);
  });

  it("makes ids unique when two exercises share a name", () => {
    const { program } = convert("## Calf stretch\nHold 30s.\n\n## Calf stretch\nHold 20s.");
    expect(program.exercises.map((e) => e.id)).toEqual(["calf-stretch", "calf-stretch-2"]);
  });

  it("slugs any title into lower-case words joined by hyphens", () => {
    expect(slugify("Café & Stretch: Part 2!", "x")).toBe("cafe-stretch-part-2");
    expect(slugify("!!!", "fallback")).toBe("fallback");
  });
});
