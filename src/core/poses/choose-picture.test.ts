import { describe, expect, it } from "vitest";
import { builtInPrograms } from "../../../content/index.ts";
import { Exercise, type Program } from "../program.ts";
import { compileTimeline } from "../timeline.ts";
import { matchedPicture, pictureForExercise, pictureForPhase, pictureForStep } from "./choose-picture.ts";

const footProgram = builtInPrograms.find((p) => p.id === "foot-stretches-for-lower-back-pain")!;
const exercise = (id: string) => footProgram.exercises.find((e) => e.id === id)!;

function made(over: Partial<Exercise> & { motion?: Exercise["phases"][number]["motion"]; phaseName?: string }): Exercise {
  return Exercise.parse({
    id: "made",
    name: "A stretch",
    summary: "A stretch.",
    position: over.position ?? "seated",
    positionDetail: over.positionDetail ?? "Sitting.",
    equipment: over.equipment ?? [],
    sides: "none",
    firstSide: null,
    reps: { min: 1, max: 1 },
    setup: over.setup ?? ["Sit."],
    phases: [
      { id: "p", name: over.phaseName ?? "Hold", motion: over.motion ?? null, holdSeconds: { min: 10, max: 10 }, instructions: ["Hold."] },
    ],
  });
}

describe("pictures for the built-in program", () => {
  it("gives each phase its own picture, matched from motion, position and props alone", () => {
    const chosen = footProgram.exercises.flatMap((ex) => ex.phases.map((p) => [ex.id, p.id, matchedPicture(ex, p)]));
    expect(chosen).toEqual([
      ["strap-eversion-inversion", "eversion", "strap-eversion"],
      ["strap-eversion-inversion", "inversion", "strap-inversion"],
      ["toe-dorsiflexion-plantar-flexion", "toe-dorsiflexion", "toe-dorsiflexion"],
      ["toe-dorsiflexion-plantar-flexion", "toe-plantar-flexion", "toe-plantar-flexion"],
      ["wall-calf-stretch", "calf", "calf-at-wall"],
      ["kneeling-shin-stretch", "shin", "kneeling-shin"],
    ]);
  });

  it("shows getting into position with the first phase's picture", () => {
    expect(pictureForExercise(exercise("strap-eversion-inversion"))).toBe("strap-eversion");
  });
});

describe("pictures for imported and coach-made exercises", () => {
  it("matches a seated turn of the sole with a towel to the strap picture", () => {
    const ex = made({ motion: "inversion", equipment: [{ name: "towel", alternatives: [], optional: false }] });
    expect(pictureForPhase(ex, ex.phases[0]!)).toBe("strap-inversion");
  });

  it("never shows a different movement: a seated inversion without a strap gets the seated position alone", () => {
    const ex = made({ motion: "inversion" });
    expect(matchedPicture(ex, ex.phases[0]!)).toBeNull();
    expect(pictureForPhase(ex, ex.phases[0]!)).toBe("position-seated");
  });

  it("gives a standing dorsiflexion without a wall the standing position, not the calf stretch", () => {
    const ex = made({ motion: "dorsiflexion", position: "standing", positionDetail: "Standing tall." });
    expect(pictureForPhase(ex, ex.phases[0]!)).toBe("position-standing");
  });

  it("gives a lying exercise the lying position and an 'other' position no picture", () => {
    const lying = made({ position: "lying", positionDetail: "On your back." });
    expect(pictureForPhase(lying, lying.phases[0]!)).toBe("position-lying");
    const other = made({ position: "other", positionDetail: "However suits you." });
    expect(pictureForPhase(other, other.phases[0]!)).toBeNull();
  });

  it("uses the picture a coach picked, or none", () => {
    const ex = made({ motion: "inversion" });
    expect(pictureForPhase(ex, { ...ex.phases[0]!, picture: "foot-inversion" })).toBe("foot-inversion");
    expect(pictureForPhase(exercise("wall-calf-stretch"), { ...exercise("wall-calf-stretch").phases[0]!, picture: "none" })).toBeNull();
  });
});

describe("pictures in a session", () => {
  const timeline = compileTimeline(footProgram as Program, null);
  const at = (i: number) => pictureForStep(footProgram, timeline.steps[i]!, timeline.steps[i + 1]);

  it("shows the start pose to get ready, then each hold's movement, on the side being worked", () => {
    expect(timeline.steps.slice(0, 4).map((s) => s.kind)).toEqual(["prepare", "hold", "release", "hold"]);
    expect(at(0)).toEqual({ id: "strap-eversion", side: "left", mode: "start" });
    expect(at(1)).toEqual({ id: "strap-eversion", side: "left", mode: "move" });
    expect(at(2)).toEqual({ id: "strap-eversion", side: "left", mode: "start" });
    expect(at(3)).toEqual({ id: "strap-inversion", side: "left", mode: "move" });
  });

  it("shows the other side's start pose at a switch of side, and the next exercise's during a rest", () => {
    const switchAt = timeline.steps.findIndex((s) => s.kind === "switch-side");
    expect(at(switchAt)).toEqual({ id: "strap-eversion", side: "right", mode: "start" });
    const restAt = timeline.steps.findIndex((s) => s.kind === "rest");
    expect(at(restAt)).toEqual({ id: "toe-dorsiflexion", side: "right", mode: "start" });
    expect(pictureForStep(footProgram, timeline.steps[timeline.steps.length - 1]!, undefined)).toBeNull();
  });
});
