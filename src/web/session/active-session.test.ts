import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../../../content/index.ts";
import { createPlayer, currentStep, remainingInStep, updatePlayer } from "../../core/player.ts";
import { compileTimeline } from "../../core/timeline.ts";
import { freezePlayer, thawPlayer } from "./active-session.ts";

const timeline = compileTimeline(builtInProgram(defaultProgramId)!, null);
const playingAt = (start: number) => updatePlayer(createPlayer(timeline), { type: "start" }, start);

describe("freezing and thawing a session across a reload", () => {
  it("stores a playing session paused at the moment of saving, on the step it had reached", () => {
    const frozen = freezePlayer(playingAt(1_000), 1_000 + 20_000);
    expect(frozen.status).toBe("paused");
    expect(frozen.index).toBe(1);
    expect(frozen.pausedElapsed).toBe(5_000);
    expect(frozen.cues).toEqual([]);
  });

  it("puts the stored session on the new page's clock with the same time left in the step", () => {
    const frozen = freezePlayer(playingAt(50_000), 70_000);
    const thawed = thawPlayer(frozen, 70_000, 12);
    expect(currentStep(thawed).title).toBe(currentStep(frozen).title);
    expect(remainingInStep(thawed, 12)).toBe(5_000);
    const resumed = updatePlayer(thawed, { type: "resume" }, 100);
    expect(remainingInStep(resumed, 100)).toBe(5_000);
    expect(updatePlayer(resumed, { type: "tick" }, 5_100).index).toBe(2);
  });

  it("survives being written as JSON, as IndexedDB stores it", () => {
    const frozen = freezePlayer(playingAt(0), 17_000);
    const copy = JSON.parse(JSON.stringify(frozen));
    expect(thawPlayer(copy, 17_000, 17_000)).toEqual(thawPlayer(frozen, 17_000, 17_000));
  });

  it("leaves a paused session's position untouched", () => {
    const paused = updatePlayer(playingAt(0), { type: "pause" }, 3_000);
    expect(freezePlayer(paused, 90_000).pausedElapsed).toBe(3_000);
  });
});
