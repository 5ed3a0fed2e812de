import { describe, expect, it } from "vitest";
import { adherenceOver, attentionScore, flagsFor, type LoggedSession } from "./adherence.ts";
import { Schedule } from "./schedule.ts";

const everyDay = Schedule.parse({ kind: "weekdays", days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], startDate: "2026-10-01" });
const monWedFri = Schedule.parse({ kind: "weekdays", days: ["mon", "wed", "fri"], startDate: "2026-10-01" });
const session = (date: string, painBefore: number | null = 5, painAfter: number | null = 4): LoggedSession => ({
  startedAt: `${date}T08:00:00+01:00`,
  completed: true,
  painBefore,
  painAfter,
});
const today = "2026-11-25"; // a Wednesday

describe("adherence", () => {
  it("counts sessions done against sessions planned in the last 7 days", () => {
    const a = adherenceOver(monWedFri, [session("2026-11-20"), session("2026-11-23")], today, 7);
    expect(a).toEqual({ planned: 3, done: 2, ratio: 2 / 3 });
  });

  it("counts a day once however many sessions it had", () => {
    const a = adherenceOver(everyDay, [session("2026-11-25"), session("2026-11-25"), session("2026-11-24")], today, 7);
    expect(a.done).toBe(2);
  });

  it("caps adherence at the planned count when a client does extra days", () => {
    const logs = ["2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"].map((d) => session(d));
    expect(adherenceOver(monWedFri, logs, today, 7).ratio).toBe(1);
  });

  it("ignores sessions outside the window", () => {
    expect(adherenceOver(monWedFri, [session("2026-10-01")], today, 28).done).toBe(0);
  });

  it("has no ratio without a plan", () => {
    expect(adherenceOver(null, [session("2026-11-25")], today, 7)).toEqual({ planned: 0, done: 1, ratio: null });
  });
});

describe("flags", () => {
  it("flags pain after the last session at 7 or more", () => {
    const flags = flagsFor(everyDay, [session("2026-11-24", 5, 3), session("2026-11-25", 5, 7)], today);
    expect(flags.map((f) => f.kind)).toEqual(["pain-high"]);
    expect(flags[0]!.message).toBe("Pain after the last session was 7 out of 10.");
  });

  it("does not flag high pain that has since come down", () => {
    expect(flagsFor(everyDay, [session("2026-11-24", 5, 8), session("2026-11-25", 5, 4)], today)).toEqual([]);
  });

  it("flags pain after rising across the last three sessions", () => {
    const logs = [session("2026-11-23", 3, 2), session("2026-11-24", 3, 3), session("2026-11-25", 3, 5)];
    expect(flagsFor(everyDay, logs, today).map((f) => f.kind)).toEqual(["pain-rising"]);
  });

  it("does not call pain rising when it only held level", () => {
    const logs = [session("2026-11-23", 3, 2), session("2026-11-24", 3, 3), session("2026-11-25", 3, 3)];
    expect(flagsFor(everyDay, logs, today)).toEqual([]);
  });

  it("skips unrated sessions when judging the pain trend", () => {
    const logs = [session("2026-11-21", 3, 2), session("2026-11-22", 3, 3), session("2026-11-24", null, null), session("2026-11-25", 3, 4)];
    expect(flagsFor(everyDay, logs, today).map((f) => f.kind)).toEqual(["pain-rising"]);
  });

  it("flags a client who missed three planned days since their last session", () => {
    const flags = flagsFor(monWedFri, [session("2026-11-16")], today);
    expect(flags.map((f) => f.kind)).toEqual(["stopped"]);
    expect(flags[0]!.message).toBe("Nothing practised since Monday 16 November: 3 planned days missed.");
  });

  it("does not count today as missed before it is over", () => {
    // Planned days after Tue 17 Nov and before today: Wed 18, Fri 20, Mon 23 (three); today (Wed 25) does not count.
    expect(flagsFor(monWedFri, [session("2026-11-17")], today).map((f) => f.kind)).toEqual(["stopped"]);
    expect(flagsFor(monWedFri, [session("2026-11-19")], today)).toEqual([]);
  });

  it("flags a client who never started once three planned days have passed", () => {
    const fresh = Schedule.parse({ kind: "weekdays", days: ["mon", "wed", "fri"], startDate: "2026-11-17" });
    expect(flagsFor(fresh, [], today)[0]!.message).toBe("Nothing practised yet: 3 planned days missed.");
  });
});

describe("attention", () => {
  it("puts flagged clients before merely irregular ones", () => {
    const flagged = attentionScore([{ kind: "stopped", message: "" }], { planned: 3, done: 3, ratio: 1 });
    const irregular = attentionScore([], { planned: 3, done: 0, ratio: 0 });
    expect(flagged).toBeGreaterThan(irregular);
  });

  it("puts high pain first", () => {
    const pain = attentionScore([{ kind: "pain-high", message: "" }], { planned: 3, done: 3, ratio: 1 });
    const stopped = attentionScore([{ kind: "stopped", message: "" }], { planned: 3, done: 0, ratio: 0 });
    expect(pain).toBeGreaterThan(stopped);
  });
});
