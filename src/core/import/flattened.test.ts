import { describe, expect, it } from "vitest";
import { readBlocks } from "./blocks.ts";
import { importRoutine } from "./import-routine.ts";

const shape = (text: string) => readBlocks(text).map((b) => `${b.kind}: ${b.text}`);

describe("giving a flattened web page back its structure", () => {
  it("reads inline bullets in one paragraph as list items", () => {
    expect(shape("Cool-down stretches • Stand tall and step forward. • Hold for 20 seconds.")).toEqual([
      "paragraph: Cool-down stretches",
      "item: Stand tall and step forward.",
      "item: Hold for 20 seconds.",
    ]);
  });

  it("leaves a single bullet sign in a sentence alone", () => {
    expect(shape("Stand tall • then breathe out slowly.")).toEqual(["paragraph: Stand tall • then breathe out slowly."]);
  });

  it("takes the short words after an inline item's last sentence as the heading of the items after it", () => {
    expect(shape("Intro • Hold for 20 seconds and then swap legs. Stretch: your hip flexors • Stand upright.")).toEqual([
      "paragraph: Intro",
      "item: Hold for 20 seconds and then swap legs.",
      "heading: Stretch: your hip flexors",
      "item: Stand upright.",
    ]);
  });

  it("reads a heading in capitals run on after a sentence as a heading, stray mark and all", () => {
    expect(shape("Do 5 lunges with each leg. INCHWORM ? Stand with your feet together. Walk your hands out.")).toEqual([
      "paragraph: Do 5 lunges with each leg.",
      "heading: INCHWORM",
      "paragraph: Stand with your feet together. Walk your hands out.",
    ]);
  });

  it("does not take capitals that are part of a sentence, or short ones, for a heading", () => {
    expect(shape("Lean in. DO NOT bounce. Hold. OK Then relax.")).toEqual(["paragraph: Lean in. DO NOT bounce. Hold. OK Then relax."]);
  });

  it("so finds two movements where the page's line breaks were lost", () => {
    const text =
      "Warm-up\n\nStand with your feet apart. Lunge back with your right leg. Do 5 lunges with each leg. INCHWORM ? Stand with your feet together. Walk your hands out. Do 5 to 8 repetitions.";
    expect(importRoutine(text).exercises.map((e) => [e.name.value, e.reps.value])).toEqual([
      ["Warm-up", { min: 5, max: 5 }],
      ["INCHWORM", { min: 5, max: 8 }],
    ]);
  });

  it("reads numbered items run on in one paragraph as items, when the numbers go on one by one from 1", () => {
    expect(shape("Try these. 1. Bridge. Lift your hips. 2. Knee hug. Hug both knees.")).toEqual([
      "paragraph: Try these.",
      "item: Bridge. Lift your hips.",
      "item: Knee hug. Hug both knees.",
    ]);
  });

  it("leaves a lone number after a sentence, or numbers out of order, in the text", () => {
    expect(shape("Hold for 30 seconds. 2. Then relax.")).toEqual(["paragraph: Hold for 30 seconds. 2. Then relax."]);
    expect(shape("Stand tall. 3. Lean in. 1. Relax.")).toEqual(["paragraph: Stand tall. 3. Lean in. 1. Relax."]);
  });

  it("reads two or more names run on in ordinary case before a step's capitalised first word as headings", () => {
    expect(
      shape(
        "Push your knee down and relax. Knee extension Place a rolled towel under your knee. Hold and slowly lower. Hip abduction (not for lateral approach) Lying on your back, slide your leg out.",
      ),
    ).toEqual([
      "paragraph: Push your knee down and relax.",
      "heading: Knee extension",
      "paragraph: Place a rolled towel under your knee. Hold and slowly lower.",
      "heading: Hip abduction (not for lateral approach)",
      "paragraph: Lying on your back, slide your leg out.",
    ]);
  });

  it("leaves one such name alone, and sentences that open with a step or a function word", () => {
    expect(shape("Hold and relax. Knee extension Place a towel under your knee.")).toEqual([
      "paragraph: Hold and relax. Knee extension Place a towel under your knee.",
    ]);
    expect(shape("Relax. Keep your thigh Resting on the towel. You should Lie down. Then Sit.")).toEqual([
      "paragraph: Relax. Keep your thigh Resting on the towel. You should Lie down. Then Sit.",
    ]);
  });
});
