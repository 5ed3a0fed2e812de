import { describe, expect, it } from "vitest";
import type { Cue } from "../../core/cues.ts";
import { collapseLateCues } from "./late-cues.ts";

const cue = (kind: Cue["kind"], at: number, text: string = kind): Cue => ({ kind, at, stepIndex: 0, text });

describe("collapseLateCues", () => {
  it("drops a countdown that an instruction in the same batch already supersedes", () => {
    const cues = [cue("countdown", 9_000, "1"), cue("step", 10_000, "Ease off.")];
    expect(collapseLateCues(cues, 10_050)).toEqual([cue("step", 10_000, "Ease off.")]);
  });

  it("keeps an on-time countdown that comes after the last instruction", () => {
    const cues = [cue("step", 1_000, "Hold."), cue("countdown", 7_000, "3")];
    expect(collapseLateCues(cues, 7_100)).toEqual(cues);
  });

  it("speaks only the latest instruction after the screen was locked for minutes", () => {
    const cues = [
      cue("countdown", 10_000, "3"),
      cue("step", 13_000, "Ease off."),
      cue("switch-side", 16_000, "Switch sides."),
      cue("halfway", 30_000, "Halfway."),
      cue("step", 40_000, "Rest."),
      cue("countdown", 47_000, "3"),
    ];
    expect(collapseLateCues(cues, 120_000)).toEqual([cue("step", 40_000, "Rest.")]);
  });

  it("keeps the latest instruction even when it is late, so the user hears where they are", () => {
    expect(collapseLateCues([cue("step", 1_000, "Rest.")], 60_000)).toEqual([cue("step", 1_000, "Rest.")]);
  });

  it("drops countdowns and halfway that are more than the tolerance late", () => {
    const cues = [cue("step", 0, "Hold."), cue("halfway", 5_000), cue("countdown", 7_000, "3"), cue("countdown", 8_000, "2")];
    expect(collapseLateCues(cues, 8_500, 1_000)).toEqual([cue("step", 0, "Hold."), cue("countdown", 8_000, "2")]);
  });

  it("treats pause and resume as instructions that replace older ones", () => {
    const cues = [cue("step", 0, "Hold."), cue("resumed", 50_000, "Resuming.")];
    expect(collapseLateCues(cues, 50_000)).toEqual([cue("resumed", 50_000, "Resuming.")]);
  });
});
