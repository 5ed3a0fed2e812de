import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../../../content/index.ts";
import type { Cue } from "../../core/cues.ts";
import { createPlayer, updatePlayer, type PlayerState } from "../../core/player.ts";
import { compileTimeline } from "../../core/timeline.ts";
import { fakeClock } from "../../../test/support/fake-clock.ts";
import { runSession } from "./session-runner.ts";

const timeline = compileTimeline(builtInProgram(defaultProgramId)!, null);
/** Session 1 of the built-in program: 50 step cues, 25 halfway marks, 105 counts of 3-2-1, 3 side switches and done. */
const EXPECTED_CUES = 184;

function started(clock = fakeClock(1_000)) {
  const cues: (Cue & { handledAt: number })[] = [];
  const states: PlayerState[] = [];
  const runner = runSession(createPlayer(timeline), clock, (s) => {
    states.push(s);
    cues.push(...s.cues.map((c) => ({ ...c, handledAt: clock.now() })));
  });
  runner.send({ type: "start" });
  return { clock, runner, cues, states };
}

describe("runSession", () => {
  it("handles every cue at exactly the instant it is due, with one timer at a time", () => {
    const { clock, runner, cues } = started();
    clock.advance(timeline.totalSeconds * 1000);
    expect(runner.state.status).toBe("finished");
    expect(runner.state.completed).toBe(true);
    // Every cue the engine lists when it catches up on the whole session in one late tick...
    const begun = updatePlayer(createPlayer(timeline), { type: "start" }, 1_000);
    const caughtUp = [...begun.cues, ...updatePlayer(begun, { type: "tick" }, 1_000 + timeline.totalSeconds * 1000).cues];
    expect(caughtUp).toHaveLength(EXPECTED_CUES);
    // ...the runner emitted, in the same order, each from a wake-up at its own due instant, never late.
    expect(cues.map(({ handledAt, ...c }) => c)).toEqual(caughtUp);
    expect(cues.filter((c) => c.handledAt !== c.at)).toEqual([]);
    expect(cues.filter((c) => c.kind === "done").map((c) => c.at)).toEqual([1_000 + timeline.totalSeconds * 1000]);
    expect(clock.pending()).toBe(0);
  });

  it("wakes only when something is due, not every second", () => {
    const { clock, states } = started();
    clock.advance(timeline.totalSeconds * 1000);
    expect(states.length).toBeLessThan(timeline.totalSeconds / 2);
  });

  it("sleeps while paused and carries on from the same point after resuming", () => {
    const { clock, runner } = started();
    clock.advance(5_000);
    runner.send({ type: "pause" });
    expect(clock.pending()).toBe(0);
    clock.advance(600_000);
    expect(runner.state.index).toBe(0);
    runner.send({ type: "resume" });
    clock.advance(9_999);
    expect(runner.state.index).toBe(0);
    clock.advance(1);
    expect(runner.state.index).toBe(1);
  });

  it("stops scheduling once stopped", () => {
    const { clock, runner } = started();
    runner.stop();
    expect(clock.pending()).toBe(0);
    clock.advance(60_000);
    expect(runner.state.index).toBe(0);
  });
});
