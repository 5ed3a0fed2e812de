import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../../../content/index.ts";
import type { Cue } from "../../core/cues.ts";
import { createPlayer, updatePlayer } from "../../core/player.ts";
import { compileTimeline } from "../../core/timeline.ts";
import { defaultSettings } from "../settings.ts";
import { beepPlan, speechFor, vibrationFor } from "./cue-output.ts";

const timeline = compileTimeline(builtInProgram(defaultProgramId)!, null);
const cue = (kind: Cue["kind"], text = "x"): Cue => ({ kind, at: 0, stepIndex: 0, text });

describe("what each cue becomes", () => {
  it("speaks instructions over anything still being said, and countdowns only when the voice is free", () => {
    expect(speechFor(cue("step", "Ease off."), defaultSettings)).toEqual({ text: "Ease off.", mode: "interrupt" });
    expect(speechFor(cue("countdown", "3"), defaultSettings)).toEqual({ text: "3", mode: "if-idle" });
  });

  it("says and buzzes nothing when voice and vibration are off", () => {
    const off = { ...defaultSettings, voice: false, vibration: false };
    expect(speechFor(cue("step"), off)).toBeNull();
    expect(vibrationFor(cue("switch-side"), off)).toBeNull();
  });

  it("plans the step's remaining beeps and the next step's opening beep on the monotonic clock", () => {
    const start = updatePlayer(createPlayer(timeline), { type: "start" }, 1_000);
    const plan = beepPlan(start, 1_000, defaultSettings);
    // Prepare (15 s): opening chime, 3-2-1, then the first hold's "go" at its end.
    expect(plan.map((b) => [b.kind, b.at])).toEqual([
      ["step", 1_000],
      ["countdown", 13_000],
      ["countdown", 14_000],
      ["countdown", 15_000],
      ["go", 16_000],
    ]);
  });

  it("keeps the same keys for the same beeps, so re-planning does not play them twice", () => {
    const s0 = updatePlayer(createPlayer(timeline), { type: "start" }, 0);
    const s1 = updatePlayer(s0, { type: "tick" }, 12_000);
    const later = beepPlan(s1, 12_000, defaultSettings).map((b) => b.key);
    const earlier = beepPlan(s0, 0, defaultSettings).map((b) => b.key);
    expect(later.every((k) => earlier.includes(k))).toBe(true);
  });

  it("plans nothing while paused or with sounds off", () => {
    const s0 = updatePlayer(createPlayer(timeline), { type: "start" }, 0);
    expect(beepPlan(updatePlayer(s0, { type: "pause" }, 10), 10, defaultSettings)).toEqual([]);
    expect(beepPlan(s0, 0, { ...defaultSettings, sounds: false })).toEqual([]);
  });
});
