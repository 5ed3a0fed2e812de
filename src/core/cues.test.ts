import { describe, expect, it } from "vitest";
import { stepOf } from "../../test/support/step.ts";
import { cueMarks } from "./cues.ts";

const step = stepOf;

describe("cueMarks", () => {
  it("gives a hold its instruction, halfway and a 3-2-1 in time order", () => {
    expect(cueMarks(step({ seconds: 20 })).map((m) => [m.kind, m.offsetMs, m.count])).toEqual([
      ["step", 0, undefined],
      ["halfway", 10_000, undefined],
      ["countdown", 17_000, 3],
      ["countdown", 18_000, 2],
      ["countdown", 19_000, 1],
    ]);
  });

  it("leaves out halfway in holds shorter than ten seconds", () => {
    expect(cueMarks(step({ seconds: 8 })).map((m) => m.kind)).toEqual(["step", "countdown", "countdown", "countdown"]);
  });

  it("gives a short release only its instruction", () => {
    expect(cueMarks(step({ kind: "release", seconds: 3 })).map((m) => m.kind)).toEqual(["step"]);
  });

  it("announces a side switch as its own kind of cue, with a count into the next hold", () => {
    expect(cueMarks(step({ kind: "switch-side", seconds: 10 })).map((m) => m.kind)).toEqual([
      "switch-side",
      "countdown",
      "countdown",
      "countdown",
    ]);
  });

  it("marks the end of a session with a single done cue", () => {
    expect(cueMarks(step({ kind: "done", seconds: 0, say: "Well done." }))).toEqual([{ kind: "done", offsetMs: 0, text: "Well done." }]);
  });
});
