import { describe, expect, it } from "vitest";
import { importRoutine } from "./index.ts";

describe("runs of bulleted steps each closed by a hold", () => {
  const steps = [
    "Stretches",
    "- Stand on your left foot next to a wall.",
    "- Pull the heel of your right foot toward your buttocks.",
    "- Hold for 20 seconds.",
    "- Sit on the floor with your legs apart.",
    "- Lean forward over your legs.",
    "- Hold for 30 seconds.",
    "- Lie on your back and bring one knee to your chest.",
    "- Hold for 15 seconds.",
  ].join("\n");

  it("makes each run up to its hold a movement of its own", () => {
    const draft = importRoutine(steps);
    expect(draft.exercises.map((e) => e.phases.map((p) => p.hold?.value))).toEqual([
      [{ min: 20, max: 20 }],
      [{ min: 30, max: 30 }],
      [{ min: 15, max: 15 }],
    ]);
    expect(draft.exercises.map((e) => e.position.value)).toEqual(["standing", "seated", "lying"]);
  });

  it("keeps two such runs as one movement's steps (three at least make a list of movements)", () => {
    const two = steps.split("\n").slice(0, 7).join("\n");
    expect(importRoutine(two).exercises).toHaveLength(1);
  });

  it("starts the first run where its movement is set up, leaving advice items before it out of the movement", () => {
    const text = [
      "Stretching tips",
      "- Stretch to the point where slight tension can be felt.",
      "- Hold each stretch for 20–30 seconds.",
      "- Return to starting position.",
      ...steps.split("\n").slice(1),
    ].join("\n");
    const draft = importRoutine(text);
    expect(draft.exercises.map((e) => [e.position.value, e.phases.map((p) => p.hold?.value.max)])).toEqual([
      ["standing", [20]],
      ["seated", [30]],
      ["lying", [15]],
    ]);
    const first = draft.exercises[0]!;
    expect([...first.setup, ...first.phases[0]!.instructions].map((s) => s.value)).toEqual([
      "Stand on your left foot next to a wall.",
      "Pull the heel of your right foot toward your buttocks.",
    ]);
  });
});
