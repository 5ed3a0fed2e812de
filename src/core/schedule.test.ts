import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./calendar-date.ts";
import { plannedCount, plannedDates, Schedule, suggestedDays } from "./schedule.ts";

const weekdays = (days: string[], startDate = "2026-11-02", endDate: string | null = null) =>
  Schedule.parse({ kind: "weekdays", days, startDate, endDate });

describe("schedule", () => {
  it("plans fixed weekdays between the start and end dates", () => {
    const s = weekdays(["mon", "wed", "fri"], "2026-11-04", "2026-11-13");
    expect(plannedDates(s, "2026-11-01", "2026-11-30")).toEqual(["2026-11-04", "2026-11-06", "2026-11-09", "2026-11-11", "2026-11-13"]);
  });

  it("spreads n times a week over suggested days", () => {
    expect(suggestedDays(1)).toEqual(["mon"]);
    expect(suggestedDays(3)).toEqual(["mon", "wed", "fri"]);
    expect(suggestedDays(7)).toHaveLength(7);
    const s = Schedule.parse({ kind: "per-week", timesPerWeek: 2, startDate: "2026-11-02" });
    expect(plannedDates(s, "2026-11-02", "2026-11-15")).toHaveLength(4);
  });

  it("explains a weekday plan with no days", () => {
    const r = Schedule.safeParse({ kind: "weekdays", days: [], startDate: "2026-11-02" });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ["days"], message: "Choose at least one day of the week." });
  });

  it("explains an end date before the start date", () => {
    const r = Schedule.safeParse({ kind: "weekdays", days: ["mon"], startDate: "2026-11-02", endDate: "2026-10-01" });
    expect(r.error!.issues[0]!.path).toEqual(["endDate"]);
  });

  it("explains an impossible date", () => {
    const r = Schedule.safeParse({ kind: "per-week", timesPerWeek: 3, startDate: "2026-02-30" });
    expect(r.error!.issues[0]).toMatchObject({ path: ["startDate"], message: "expected a date written YYYY-MM-DD" });
  });

  it("needs a count for a times-a-week plan", () => {
    expect(Schedule.safeParse({ kind: "per-week", startDate: "2026-11-02" }).error!.issues[0]!.path).toEqual(["timesPerWeek"]);
  });

  it("counts planned days without listing them: 5 in the example above, and always as many as plannedDates lists", () => {
    expect(plannedCount(weekdays(["mon", "wed", "fri"], "2026-11-04", "2026-11-13"), "2026-11-01", "2026-11-30")).toBe(5);
    expect(plannedCount(weekdays(["sun"], "2026-11-02"), "2026-11-03", "2026-11-07")).toBe(0);
    const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays("2025-06-01", n));
    const days = fc.subarray(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], { minLength: 1 });
    const schedule = fc.oneof(
      fc
        .record({ days, start: day, end: fc.option(day) })
        .map(({ days, start, end }) => weekdays(days, start, end === null || end >= start ? end : null)),
      fc
        .record({ times: fc.integer({ min: 1, max: 7 }), start: day })
        .map(({ times, start }) => Schedule.parse({ kind: "per-week", timesPerWeek: times, startDate: start })),
    );
    fc.assert(
      fc.property(schedule, day, fc.integer({ min: -5, max: 400 }), (s, from, span) => {
        const to = addDays(from, span);
        expect(plannedCount(s, from, to)).toBe(plannedDates(s, from, to).length);
      }),
      { numRuns: 500 },
    );
  });
});
