import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../../content/index.ts";
import { overrideProblems, Prescription, withOverrides } from "./prescription.ts";
import { holdSecondsFor, initialProgress } from "./progress.ts";
import { compileTimeline } from "./timeline.ts";

const program = builtInProgram(defaultProgramId)!;

describe("prescription", () => {
  it("accepts a schedule with hold overrides and a note", () => {
    const p = Prescription.parse({
      programId: program.id,
      programVersion: 1,
      schedule: { kind: "weekdays", days: ["mon", "thu"], startDate: "2026-11-30" },
      holdOverrides: { "wall-calf-stretch": { calf: 40 } },
      note: " Go easy on the left calf. ",
    });
    expect(p.note).toBe("Go easy on the left calf.");
    expect(p.schedule.endDate).toBeNull();
  });

  it("rejects an override shorter than five seconds with its path", () => {
    const r = Prescription.safeParse({
      programId: program.id,
      programVersion: 1,
      schedule: { kind: "per-week", timesPerWeek: 3, startDate: "2026-11-30" },
      holdOverrides: { "wall-calf-stretch": { calf: 2 } },
    });
    expect(r.error!.issues[0]!.path).toEqual(["holdOverrides", "wall-calf-stretch", "calf"]);
  });

  it("names overrides for exercises or phases the program lacks", () => {
    expect(overrideProblems(program, { "wall-calf-stretch": { calf: 30, heel: 20 }, plank: { hold: 30 } })).toEqual([
      { path: "holdOverrides.wall-calf-stretch.heel", message: 'exercise "wall-calf-stretch" has no phase "heel"' },
      { path: "holdOverrides.plank", message: 'program "foot-stretches-for-lower-back-pain" has no exercise "plank"' },
    ]);
  });

  it("applies overrides to the holds a session is compiled with", () => {
    const progress = withOverrides(program, initialProgress(program), { "kneeling-shin-stretch": { shin: 45 } });
    const shin = program.exercises[3]!;
    expect(holdSecondsFor(progress, shin, shin.phases[0]!)).toBe(45);
    expect(compileTimeline(program, progress).holdSeconds).toBe(380 - 20 + 45);
  });
});
