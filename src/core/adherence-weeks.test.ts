import { describe, expect, it } from "vitest";
import { adherenceByWeek, practiceSummary } from "./adherence-weeks.ts";
import type { ClientStanding } from "./client-standing.ts";
import type { Schedule } from "./schedule.ts";

const monWedFri: Schedule = { kind: "weekdays", days: ["mon", "wed", "fri"], timesPerWeek: null, startDate: "2026-10-01", endDate: null };

describe("adherence by week", () => {
  it("counts planned and done days in each of the four 7-day windows ending today, oldest first", () => {
    // Today is Wednesday 2026-11-25; windows run Thursday to Wednesday.
    const weeks = adherenceByWeek(
      monWedFri,
      ["2026-10-30", "2026-11-02", "2026-11-09", "2026-11-11", "2026-11-13", "2026-11-24", "2026-11-25"],
      "2026-11-25",
    );
    expect(weeks).toEqual([
      { from: "2026-10-29", to: "2026-11-04", planned: 3, done: 2, ratio: 2 / 3 },
      { from: "2026-11-05", to: "2026-11-11", planned: 3, done: 2, ratio: 2 / 3 },
      { from: "2026-11-12", to: "2026-11-18", planned: 3, done: 1, ratio: 1 / 3 },
      { from: "2026-11-19", to: "2026-11-25", planned: 3, done: 2, ratio: 2 / 3 },
    ]);
  });

  it("plans nothing before the plan starts and without a plan", () => {
    const late: Schedule = { ...monWedFri, startDate: "2026-11-19" };
    expect(adherenceByWeek(late, [], "2026-11-25").map((w) => w.planned)).toEqual([0, 0, 0, 3]);
    expect(adherenceByWeek(null, ["2026-11-24"], "2026-11-25").map((w) => [w.planned, w.done, w.ratio])).toEqual([
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
      [0, 1, null],
    ]);
  });
});

describe("the practice summary", () => {
  const standing = (kinds: ("pain-high" | "stopped")[]): ClientStanding => ({
    week: { planned: 3, done: 1, ratio: 1 / 3 },
    month: { planned: 12, done: 4, ratio: 1 / 3 },
    flags: kinds.map((kind) => ({ kind, message: kind })),
    attention: 0,
  });

  it("counts clients needing attention, sessions this week, those who stopped and those without a plan", () => {
    const summary = practiceSummary([
      { standing: standing(["pain-high", "stopped"]), sessionsThisWeek: 0, programId: "p" },
      { standing: standing(["stopped"]), sessionsThisWeek: 1, programId: "p" },
      { standing: standing([]), sessionsThisWeek: 4, programId: null },
    ]);
    expect(summary).toEqual({ clients: 3, needAttention: 2, sessionsThisWeek: 5, stopped: 2, noPlan: 1 });
  });
});
