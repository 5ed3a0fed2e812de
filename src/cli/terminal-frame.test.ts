import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../../content/index.ts";
import { createPlayer, updatePlayer } from "../core/player.ts";
import { compileTimeline } from "../core/timeline.ts";
import { bigNumber, formatClock, keyToAction, progressBar, renderFrame } from "./terminal-frame.ts";

const timeline = compileTimeline(builtInProgram(defaultProgramId)!, null);

describe("terminal frame", () => {
  it("draws numbers five rows tall", () => {
    expect(bigNumber(10)).toHaveLength(5);
    expect(bigNumber(7)[0]).toBe("███");
  });

  it("fills the progress bar in proportion", () => {
    expect(progressBar(0.5, 10)).toBe("[#####-----]");
    expect(progressBar(2, 4)).toBe("[####]");
  });

  it("shows the current step, seconds left and what comes next", () => {
    let s = updatePlayer(createPlayer(timeline), { type: "start" }, 0);
    s = updatePlayer(s, { type: "tick" }, 15_000 + 3_000);
    const frame = renderFrame(s, 18_000).join("\n");
    expect(frame).toContain("HOLD");
    expect(frame).toContain("Turn the sole outward · Left foot · 1 of 3");
    expect(frame).toContain(bigNumber(7)[1]);
    expect(frame).toContain("Next: Turn the sole inward · Left foot · 1 of 3");
  });

  it("says when it is paused", () => {
    let s = updatePlayer(createPlayer(timeline), { type: "start" }, 0);
    s = updatePlayer(s, { type: "pause" }, 1_000);
    expect(renderFrame(s, 50_000)[0]).toMatch(/PAUSED/);
  });

  it("maps space, arrows, r and q to player actions", () => {
    expect([" ", "\u001b[C", "\u001b[D", "r", "q", "x"].map(keyToAction)).toEqual([
      "pause-toggle",
      "skip",
      "back",
      "restart",
      "quit",
      null,
    ]);
  });

  it("formats seconds as minutes and seconds", () => {
    expect(formatClock(549)).toBe("9:09");
  });
});
