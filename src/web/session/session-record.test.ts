import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../../../content/index.ts";
import { createPlayer, updatePlayer } from "../../core/player.ts";
import { SessionLog } from "../../core/session-log.ts";
import { compileTimeline } from "../../core/timeline.ts";
import { progressAfterSession, sessionLogOf } from "./session-record.ts";

const program = builtInProgram(defaultProgramId)!;
const timeline = compileTimeline(program, null);
const id = "6f1c1f5e-8a34-4c36-9d8e-2a7c6b1e4f10";
const wall = Date.UTC(2026, 10, 25, 8);

function finishedRun() {
  const started = updatePlayer(createPlayer(timeline), { type: "start" }, 0);
  return updatePlayer(started, { type: "tick" }, timeline.totalSeconds * 1000);
}

describe("the log of a session", () => {
  it("is a valid SessionLog with all 25 holds for a completed built-in session", () => {
    const log = sessionLogOf({ id, player: finishedRun(), startedWall: wall, endedWall: wall + 570_000, painBefore: 5, painAfter: 3 });
    expect(SessionLog.parse(log)).toEqual(log);
    expect(log.holds).toHaveLength(25);
    expect(log.completed).toBe(true);
    expect(log.startedAt).toBe("2026-11-25T08:00:00.000Z");
  });

  it("records an abandoned session as not completed, with only the holds reached", () => {
    const started = updatePlayer(createPlayer(timeline), { type: "start" }, 0);
    const stopped = updatePlayer(started, { type: "finish" }, 20_000);
    const log = sessionLogOf({ id, player: stopped, startedWall: wall, endedWall: wall + 20_000, painBefore: null, painAfter: null });
    expect(SessionLog.parse(log).completed).toBe(false);
    expect(log.holds).toEqual([expect.objectContaining({ phaseId: "eversion", heldSeconds: 5, skipped: true })]);
  });

  it("never ends before it starts, even if the wall clock was set back", () => {
    const log = sessionLogOf({ id, player: finishedRun(), startedWall: wall, endedWall: wall - 60_000, painBefore: null, painAfter: null });
    expect(() => SessionLog.parse(log)).not.toThrow();
  });

  it("moves progress on after a completed, comfortable session but not after a painful one", () => {
    const base = sessionLogOf({ id, player: finishedRun(), startedWall: wall, endedWall: wall, painBefore: 4, painAfter: 3 });
    expect(progressAfterSession(program, undefined, base).sessionsProgressed).toBe(1);
    expect(progressAfterSession(program, undefined, { ...base, painAfter: 6 }).sessionsProgressed).toBe(0);
  });
});
