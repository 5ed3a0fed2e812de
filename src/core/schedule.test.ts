import { describe, expect, it } from "vitest";
import { plannedDates, Schedule, suggestedDays } from "./schedule.ts";

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
    expect(r.error!.issues[0]).toMatchObject({ path: ["days"], message: "choose at least one day of the week" });
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
});
