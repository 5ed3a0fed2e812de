import { describe, expect, it } from "vitest";
import { stepOf } from "../../../test/support/step.ts";
import { builtInProgram, defaultProgramId } from "../../../content/index.ts";
import { cueMarks } from "../cues.ts";
import { compileTimeline, type Timeline } from "../timeline.ts";
import { planSoundtrack, stepAtSample } from "./mix-plan.ts";
import { speechPieces } from "./speech-pieces.ts";

const RATE = 1000; // one sample a millisecond keeps the expected numbers readable

const step = stepOf;

/** prepare 10 s, hold 20 s, done: 30 s in all. */
const small: Timeline = {
  programId: "p",
  programVersion: 1,
  totalSeconds: 30,
  holdCount: 1,
  holdSeconds: 20,
  steps: [
    step({ kind: "prepare", seconds: 10, offset: 0, say: "Sit down. Loop the strap." }),
    step({ kind: "hold", seconds: 20, offset: 10, say: "Turn the sole out. Hold for 20 seconds." }),
    step({ kind: "done", seconds: 0, offset: 30, say: "Well done." }),
  ],
};

/** Every sentence gets a clip of 300 samples (0.3 s), "Sit down." a long one of 2,500. */
const clips = (piece: string) => (piece === "Sit down." ? 2500 : 300);

const summary = (t: Timeline, o: Partial<Parameters<typeof planSoundtrack>[1]> = {}) =>
  planSoundtrack(t, { sampleRate: RATE, voice: true, sounds: true, clipSamples: clips, ...o }).entries.map((e) => [
    e.source.kind === "tone" ? `tone:${e.source.tone}` : e.source.piece,
    e.startSample,
    e.dueSample,
  ]);

describe("planSoundtrack", () => {
  it("places every tone on the sample its cue is due and each sentence straight after the one before", () => {
    expect(summary(small)).toEqual([
      ["tone:step", 0, 0],
      ["Sit down.", 0, 0],
      ["Loop the strap.", 2500, 0],
      ["tone:countdown", 7000, 7000],
      ["3", 7000, 7000],
      ["tone:countdown", 8000, 8000],
      ["2", 8000, 8000],
      ["tone:countdown", 9000, 9000],
      ["1", 9000, 9000],
      ["tone:go", 10000, 10000],
      ["Turn the sole out.", 10000, 10000],
      ["Hold for 20 seconds.", 10300, 10000],
      ["tone:halfway", 20000, 20000],
      ["Halfway.", 20000, 20000],
      ["tone:countdown", 27000, 27000],
      ["3", 27000, 27000],
      ["tone:countdown", 28000, 28000],
      ["2", 28000, 28000],
      ["tone:countdown", 29000, 29000],
      ["1", 29000, 29000],
      ["tone:done", 30000, 30000],
      ["Well done.", 30000, 30000],
    ]);
  });

  it("lets an instruction wait for a voice still speaking, and drops a spoken count the pip already carries", () => {
    const long = (piece: string) => (piece === "Loop the strap." ? 8600 : 300);
    const rows = summary(small, { clipSamples: long });
    // "Loop the strap." runs from 300 to 8,900: the spoken 3 and 2 are dropped, 1 (at 9,000) is said.
    expect(rows.filter((r) => r[0] === "3" || r[0] === "2" || r[0] === "1").map((r) => [r[0], r[1]])).toEqual([
      ["1", 9000],
      ["3", 27000],
      ["2", 28000],
      ["1", 29000],
    ]);
    const tooLong = (piece: string) => (piece === "Loop the strap." ? 10_000 : 300);
    expect(summary(small, { clipSamples: tooLong }).find((r) => r[0] === "Turn the sole out.")).toEqual([
      "Turn the sole out.",
      10300,
      10000,
    ]);
  });

  it("leaves the words out, and lists the line for the screen voice, when a sentence has no clip", () => {
    const plan = planSoundtrack(small, {
      sampleRate: RATE,
      voice: true,
      sounds: true,
      clipSamples: (p) => (p === "Loop the strap." ? null : 300),
    });
    expect(plan.unvoiced).toEqual([{ stepIndex: 0, cue: "step", text: "Sit down. Loop the strap.", dueSample: 0 }]);
    expect(plan.entries.filter((e) => e.stepIndex === 0 && e.cue === "step").map((e) => e.source.kind)).toEqual(["tone"]);
  });

  it("carries only the tones with the voice off, and only the words with sounds off", () => {
    const tonesOnly = planSoundtrack(small, { sampleRate: RATE, voice: false, sounds: true, clipSamples: clips });
    expect(tonesOnly.entries.map((e) => e.source.kind)).toEqual(Array(10).fill("tone"));
    const wordsOnly = planSoundtrack(small, { sampleRate: RATE, voice: true, sounds: false, clipSamples: clips });
    expect(wordsOnly.entries.map((e) => e.source.kind)).toEqual(Array(12).fill("speech"));
  });

  it("lasts the session and then the last sound", () => {
    const plan = planSoundtrack(small, { sampleRate: RATE, voice: true, sounds: true, clipSamples: clips });
    // The done tone lasts 1.1 s from 30 s.
    expect(plan.totalSamples).toBe(31_100);
    expect(plan.stepStarts).toEqual([0, 10_000, 30_000]);
  });

  it("puts every cue of the built-in program's first session on its instant at 22,050 Hz, none twice", () => {
    const timeline = compileTimeline(builtInProgram(defaultProgramId)!, null);
    const rate = 22_050;
    const plan = planSoundtrack(timeline, { sampleRate: rate, voice: false, sounds: true, clipSamples: () => 1 });
    const expected = timeline.steps.flatMap((s, i) =>
      cueMarks(s)
        .filter((m) => m.kind !== "paused")
        .map((m) => `${i}:${Math.round(s.offset * rate) + Math.round((m.offsetMs * rate) / 1000)}`),
    );
    const placed = plan.entries.map((e) => `${e.stepIndex}:${e.startSample}`);
    expect(placed).toEqual(expected);
    expect(new Set(placed).size).toBe(placed.length);
  });

  it("says every sentence of every instruction of the built-in session, in order", () => {
    const timeline = compileTimeline(builtInProgram(defaultProgramId)!, null);
    const plan = planSoundtrack(timeline, { sampleRate: 22_050, voice: true, sounds: false, clipSamples: () => 2205 });
    const said = plan.entries
      .filter((e) => e.cue === "step" || e.cue === "switch-side" || e.cue === "done")
      .map((e) => (e.source.kind === "speech" ? e.source.piece : ""));
    expect(said).toEqual(timeline.steps.flatMap((s) => speechPieces(s.say)));
  });
});

describe("stepAtSample", () => {
  const plan = planSoundtrack(small, { sampleRate: RATE, voice: false, sounds: true, clipSamples: clips });

  it("finds the step playing at a position and how far into it", () => {
    expect(stepAtSample(plan, 0)).toEqual({ index: 0, intoStepSamples: 0 });
    expect(stepAtSample(plan, 9_999)).toEqual({ index: 0, intoStepSamples: 9_999 });
    expect(stepAtSample(plan, 10_000)).toEqual({ index: 1, intoStepSamples: 0 });
    expect(stepAtSample(plan, 29_999)).toEqual({ index: 1, intoStepSamples: 19_999 });
  });

  it("reads the end of the session and beyond as its last step", () => {
    expect(stepAtSample(plan, 30_000)).toEqual({ index: 2, intoStepSamples: 0 });
    expect(stepAtSample(plan, 31_000)).toEqual({ index: 2, intoStepSamples: 1_000 });
  });
});
