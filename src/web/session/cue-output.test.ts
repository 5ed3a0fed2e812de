import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../../../content/index.ts";
import type { Cue } from "../../core/cues.ts";
import { createPlayer, updatePlayer } from "../../core/player.ts";
import { compileTimeline } from "../../core/timeline.ts";
import { defaultSettings } from "../settings.ts";
import { BEEP_HORIZON_MS, beepPlan, speechFor, vibrationFor } from "./cue-output.ts";

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

  it("plans the beeps of the next 30 seconds across step boundaries, on the monotonic clock", () => {
    const start = updatePlayer(createPlayer(timeline), { type: "start" }, 1_000);
    const plan = beepPlan(start, 1_000, defaultSettings);
    // Prepare (15 s): chime and 3-2-1; first hold (10 s): go, halfway, 3-2-1; ease off (3 s):
    // chime; second hold from 29 s: go. The next beep, its halfway at 34 s, is past the horizon.
    expect(plan.map((b) => [b.kind, b.at])).toEqual([
      ["step", 1_000],
      ["countdown", 13_000],
      ["countdown", 14_000],
      ["countdown", 15_000],
      ["go", 16_000],
      ["halfway", 21_000],
      ["countdown", 23_000],
      ["countdown", 24_000],
      ["countdown", 25_000],
      ["step", 26_000],
      ["go", 29_000],
    ]);
    expect(plan.every((b) => b.at <= 1_000 + BEEP_HORIZON_MS)).toBe(true);
  });

  it("plans each beep at the instant the engine then reaches it", () => {
    const s0 = updatePlayer(createPlayer(timeline), { type: "start" }, 0);
    const planned = new Map(beepPlan(s0, 0, defaultSettings).map((b) => [b.key, b.at]));
    const s1 = updatePlayer(s0, { type: "tick" }, 20_000);
    for (const b of beepPlan(s1, 20_000, defaultSettings)) if (planned.has(b.key)) expect(planned.get(b.key)).toBe(b.at);
    expect(beepPlan(s1, 20_000, defaultSettings).filter((b) => planned.has(b.key)).length).toBeGreaterThan(3);
  });

  it("keeps the same keys for the same beeps, so re-planning does not play them twice", () => {
    const s0 = updatePlayer(createPlayer(timeline), { type: "start" }, 0);
    const s1 = updatePlayer(s0, { type: "tick" }, 12_000);
    const earlier = beepPlan(s0, 0, defaultSettings).map((b) => b.key);
    // Beeps both plans cover (up to the first plan's horizon) carry the same keys.
    const later = beepPlan(s1, 12_000, defaultSettings).filter((b) => b.at <= BEEP_HORIZON_MS);
    expect(later.length).toBeGreaterThan(5);
    expect(later.every((b) => earlier.includes(b.key))).toBe(true);
  });

  it("plans nothing while paused or with sounds off", () => {
    const s0 = updatePlayer(createPlayer(timeline), { type: "start" }, 0);
    expect(beepPlan(updatePlayer(s0, { type: "pause" }, 10), 10, defaultSettings)).toEqual([]);
    expect(beepPlan(s0, 0, { ...defaultSettings, sounds: false })).toEqual([]);
  });
});
