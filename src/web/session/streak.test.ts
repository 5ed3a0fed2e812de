import { describe, expect, it } from "vitest";
import type { SessionLog } from "../../core/session-log.ts";
import { streakDays } from "./streak.ts";

const at = (y: number, m: number, d: number, h = 9) => new Date(y, m - 1, d, h).getTime();
const done = (ms: number, held = true) => ({ startedAt: new Date(ms).toISOString(), holds: [{ skipped: !held }] }) as SessionLog;

describe("streakDays", () => {
  it("is zero with no sessions", () => {
    expect(streakDays([], at(2026, 11, 25))).toBe(0);
  });

  it("counts consecutive days that end today", () => {
    const logs = [done(at(2026, 11, 23)), done(at(2026, 11, 24)), done(at(2026, 11, 25, 7)), done(at(2026, 11, 25, 20))];
    expect(streakDays(logs, at(2026, 11, 25, 21))).toBe(3);
  });

  it("still counts a streak that ended yesterday, before today's session", () => {
    expect(streakDays([done(at(2026, 11, 23)), done(at(2026, 11, 24))], at(2026, 11, 25, 6))).toBe(2);
  });

  it("breaks on a missed day and on a day whose only session held no hold", () => {
    const logs = [done(at(2026, 11, 21)), done(at(2026, 11, 23)), done(at(2026, 11, 24), false), done(at(2026, 11, 25))];
    expect(streakDays(logs, at(2026, 11, 25, 12))).toBe(1);
  });

  it("crosses a month boundary", () => {
    expect(streakDays([done(at(2026, 11, 30)), done(at(2026, 12, 1))], at(2026, 12, 1, 12))).toBe(2);
  });
});
