import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../../content/index.ts";
import { progressAfter, setHoldByHand } from "./progress.ts";
import { Program } from "./program.ts";
import { compileTimeline, holdWords, type Step } from "./timeline.ts";

const program = builtInProgram(defaultProgramId)!;
const holds = (steps: Step[]) => steps.filter((s) => s.kind === "hold");

describe("compileTimeline", () => {
  it("uses the low end of every hold and repetition range in a first session", () => {
    const t = compileTimeline(program, null);
    for (const step of holds(t.steps)) {
      const ex = program.exercises.find((e) => e.id === step.exerciseId)!;
      const phase = ex.phases.find((p) => p.id === step.phaseId)!;
      expect(step.seconds).toBe(phase.holdSeconds.min);
      expect(step.reps).toBe(ex.reps.min);
    }
  });

  it("orders the strap stretch as eversion then inversion, three times on the left, then the right", () => {
    const strap = holds(compileTimeline(program, null).steps).filter((s) => s.exerciseId === "strap-eversion-inversion");
    expect(strap.map((s) => `${s.side}:${s.rep}:${s.phaseId}`)).toEqual([
      "left:1:eversion",
      "left:1:inversion",
      "left:2:eversion",
      "left:2:inversion",
      "left:3:eversion",
      "left:3:inversion",
      "right:1:eversion",
      "right:1:inversion",
      "right:2:eversion",
      "right:2:inversion",
      "right:3:eversion",
      "right:3:inversion",
    ]);
  });

  it("starts the toe stretch on the right foot", () => {
    const toe = holds(compileTimeline(program, null).steps).filter((s) => s.exerciseId === "toe-dorsiflexion-plantar-flexion");
    expect(toe[0]!.side).toBe("right");
    expect(toe.at(-1)!.side).toBe("left");
  });

  it("works the shin stretch once with both feet together", () => {
    const shin = holds(compileTimeline(program, null).steps).filter((s) => s.exerciseId === "kneeling-shin-stretch");
    expect(shin).toHaveLength(1);
    expect(shin[0]!.side).toBeNull();
  });

  it("puts a side switch between the two sides of every two-sided exercise and none in the shin stretch", () => {
    const switches = compileTimeline(program, null).steps.filter((s) => s.kind === "switch-side");
    expect(switches.map((s) => `${s.exerciseId}:${s.side}`)).toEqual([
      "strap-eversion-inversion:right",
      "toe-dorsiflexion-plantar-flexion:left",
      "wall-calf-stretch:right",
    ]);
  });

  it("opens with getting into position, rests between exercises and ends with a single done step", () => {
    const steps = compileTimeline(program, null).steps;
    expect(steps[0]!.kind).toBe("prepare");
    expect(steps.filter((s) => s.kind === "rest")).toHaveLength(3);
    expect(steps.at(-1)!.kind).toBe("done");
    expect(steps.filter((s) => s.kind === "done")).toHaveLength(1);
  });

  it("gives each step an offset equal to the sum of the steps before it", () => {
    const t = compileTimeline(program, null);
    let sum = 0;
    for (const s of t.steps) {
      expect(s.offset).toBe(sum);
      sum += s.seconds;
    }
    expect(t.totalSeconds).toBe(sum);
  });

  it("never puts a release after the last hold of a side", () => {
    const steps = compileTimeline(program, null).steps;
    steps.forEach((s, i) => {
      if (s.kind === "release") expect(steps[i + 1]!.kind).toBe("hold");
    });
  });

  it("uses the user's progressed holds and reps", () => {
    const t = compileTimeline(program, progressAfter(program, 30));
    const strap = holds(t.steps).filter((s) => s.exerciseId === "strap-eversion-inversion");
    expect(strap.every((s) => s.seconds === 20)).toBe(true);
    const toe = holds(t.steps).filter((s) => s.exerciseId === "toe-dorsiflexion-plantar-flexion");
    expect(toe).toHaveLength(12);
  });

  it("uses a hold the user set by hand", () => {
    const p = setHoldByHand(program, progressAfter(program, 0), "wall-calf-stretch", "calf", 45);
    const calf = holds(compileTimeline(program, p).steps).filter((s) => s.exerciseId === "wall-calf-stretch");
    expect(calf.every((s) => s.seconds === 45)).toBe(true);
  });
});

describe("the words of a hold", () => {
  it("says one second and one breath in the singular, more in the plural", () => {
    const phase = program.exercises[0]!.phases[0]!;
    expect([holdWords(phase, 1, 5), holdWords(phase, 30, 5)]).toEqual(["Hold for 1 second.", "Hold for 30 seconds."]);
    const breaths = { ...phase, holdIn: "breaths" as const };
    expect([holdWords(breaths, 4, 5), holdWords(breaths, 10, 5)]).toEqual(["Hold for one breath.", "Hold for two breaths."]);
  });
});

describe("sets and holds given in breaths", () => {
  const one = (extra: object, phase: object = {}) =>
    Program.parse({
      ...program,
      ...extra,
      exercises: [
        {
          ...program.exercises[0]!,
          sides: "none",
          firstSide: null,
          reps: { min: 2, max: 2 },
          releaseSeconds: 3,
          phases: [{ ...program.exercises[0]!.phases[0]!, holdSeconds: { min: 30, max: 30 }, ...phase }],
          ...("ex" in extra ? (extra.ex as object) : {}),
        },
      ],
    });

  it("plays each set of repetitions with a rest between sets and no release before the rest", () => {
    const t = compileTimeline(one({ ex: { sets: 3, setRestSeconds: 45 } }), null);
    const kinds = t.steps.filter((s) => s.exerciseId !== null).map((s) => (s.kind === "rest" ? `rest ${s.seconds}` : s.kind));
    expect(kinds).toEqual([
      "prepare",
      "hold",
      "release",
      "hold",
      "rest 45",
      "hold",
      "release",
      "hold",
      "rest 45",
      "hold",
      "release",
      "hold",
    ]);
    expect(t.steps.find((s) => s.kind === "rest")!.say).toBe("Rest. Then set two of three.");
  });

  it("plays an exercise without sets as one set, as before", () => {
    expect(holds(compileTimeline(one({}), null).steps)).toHaveLength(2);
  });

  it("says a breath hold as breaths at the program's seconds per breath", () => {
    const say = (extra: object) => holds(compileTimeline(one(extra, { holdIn: "breaths" }), null).steps)[1]!.say;
    expect(say({})).toMatch(/Hold for five breaths\.$/);
    expect(say({ secondsPerBreath: 5 })).toMatch(/Hold for six breaths\.$/);
  });

  it("says a seconds hold in seconds", () => {
    expect(holds(compileTimeline(one({}), null).steps)[1]!.say).toMatch(/Hold for 30 seconds\.$/);
  });
});
