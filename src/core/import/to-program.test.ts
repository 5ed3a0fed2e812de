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
    const { program, warnings } = convert("Ankle pumps: 10 times.");
    expect(program.exercises[0]!.phases[0]!.holdSeconds.min).toBe(DEFAULT_REP_SECONDS);
    expect(warnings.map((w) => w.message).join(" ")).toMatch(/no hold time given/);
  });

  it("keeps sets × reps as sets of the repetitions, with the rest between sets the text gives", () => {
    const { program } = convert(
      "Heel raises: stand behind a chair. Rise onto your toes and hold for 2 seconds. Do 3 sets of 15 and rest 45 seconds between sets.",
    );
    const e = program.exercises[0]!;
    expect([e.sets, e.reps, e.setRestSeconds]).toEqual([3, { min: 15, max: 15 }, 45]);
  });

  it("marks a hold given in breaths so the voice says breaths, at the program's seconds per breath", () => {
    const { program } = convert("Child's pose: kneel and sit back on your heels. Stay for 5 deep breaths.");
    expect(program.secondsPerBreath).toBe(6);
    expect(program.exercises[0]!.phases[0]!).toMatchObject({ holdSeconds: { min: 30, max: 30 }, holdIn: "breaths" });
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
