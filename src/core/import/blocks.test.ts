import { describe, expect, it } from "vitest";
import { readBlocks } from "./blocks.ts";
import { importRoutine } from "./index.ts";

const text = [
  "Exercises",
  "1. Ball Roll",
  "- Roll a ball under your foot from the heel to the arch.",
  "2. Towel Stretch:",
  "- Sit with the leg straight.",
  "- Loop a towel around the foot and pull. Hold for 30 seconds.",
  "3. Heel Raise",
  "- Rise up onto the balls of your feet. Repeat 10 times.",
].join("\n");

describe("numbered names over bulleted steps", () => {
  it("reads each numbered name as a heading over its steps", () => {
    const blocks = readBlocks(text);
    expect(blocks.filter((b) => b.kind === "heading").map((b) => b.text)).toEqual(["Ball Roll", "Towel Stretch:", "Heel Raise"]);
  });

  it("gives one movement per numbered name, with its own dose", () => {
    const draft = importRoutine(text);
    expect(draft.exercises.map((e) => e.name.value)).toEqual(["Ball Roll", "Towel Stretch", "Heel Raise"]);
    expect(draft.exercises[1]!.phases[0]!.hold?.value).toEqual({ min: 30, max: 30 });
    expect(draft.exercises[2]!.reps.value).toEqual({ min: 10, max: 10 });
  });

  it("leaves a single numbered line over a list an item", () => {
    const blocks = readBlocks("1. Calf stretch\n- Lean into the wall.\n- Hold for 30 seconds.");
    expect(blocks[0]!.kind).toBe("item");
  });
});

describe("a bullet on a line of its own", () => {
  it("reads '-' alone on a line as the bullet of the line after it", () => {
    expect(readBlocks("Steps\n-\nSit on the floor.\n-\nLean forward.").map((b) => `${b.kind}: ${b.text}`)).toEqual([
      "paragraph: Steps",
      "item: Sit on the floor.",
      "item: Lean forward.",
    ]);
  });

  it("still reads a dash inside a line, or a lone dash at the end, as no item", () => {
    expect(readBlocks("Sit - then lean.\n-").map((b) => `${b.kind}: ${b.text}`)).toEqual(["paragraph: Sit - then lean."]);
  });
});

describe("numbered stages of one movement", () => {
  const stages = [
    "How to do the 90/90 hip stretch",
    "1. Starting Position:",
    "- Sit on the floor with one leg in front of you, bent at 90 degrees.",
    "2. Forward Fold:",
    "- Lean forward over your front leg. Hold for 20-30 seconds.",
    "3. Rotation:",
    "- Twist your torso towards the back leg. Hold for another 20-30 seconds.",
    "4. Switch Sides:",
    "- Repeat the process on the opposite side.",
  ].join("\n");

  it("does not make numbered names headings when one of them names a stage ('Starting Position', 'Switch Sides')", () => {
    expect(readBlocks(stages).filter((b) => b.kind === "heading")).toEqual([]);
  });

  it("reads such stages as one movement with a hold for each", () => {
    const draft = importRoutine(stages);
    expect(draft.exercises.map((e) => [e.position.value, e.sides.value, e.phases.map((p) => p.hold?.value.max)])).toEqual([
      ["seated", "both", [30, 30]],
    ]);
  });
});
