import { describe, expect, it } from "vitest";
import { importRoutine } from "./import-routine.ts";

describe("cutting a paragraph where a new movement starts", () => {
  const paragraph =
    "To stretch your quadriceps, kneel with your knees apart. Lean back and hold for five seconds. To stretch your hamstrings, lie on the ground with your knees bent. Hold for five to 10 seconds.";

  it("starts a movement at a purpose clause after a complete hold", () => {
    expect(importRoutine(`Leg stretches\n\n${paragraph}`).exercises.map((e) => [e.position.value, e.phases[0]!.hold!.value])).toEqual([
      ["kneeling", { min: 5, max: 5 }],
      ["lying", { min: 5, max: 10 }],
    ]);
  });

  it("starts a movement at a sentence that sets up a different position, not at a return to the other side", () => {
    const two = "Stand facing a wall. Lean in and hold for 20 seconds. Lie on your back and hug your knees. Hold for 30 seconds.";
    expect(importRoutine(`Stretches\n\n${two}`).exercises.map((e) => e.position.value)).toEqual(["standing", "lying"]);
    const sides = "Lie on your back. Pull one knee in and hold for 20 seconds. Lying on your back again, switch legs. Hold for 20 seconds.";
    expect(importRoutine(`Knee hug\n\n${sides}`).exercises).toHaveLength(1);
  });

  it("does not cut when the new part gives no time or count of its own", () => {
    const text = "Stand facing a wall. Lean in and hold for 20 seconds. Sit down afterwards and rest.";
    expect(importRoutine(`Calf stretch\n\n${text}`).exercises).toHaveLength(1);
  });
});
