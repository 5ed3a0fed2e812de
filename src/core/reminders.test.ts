import { describe, expect, it } from "vitest";
import { isPlannedDay, localMoment, reminderDecision } from "./reminders.ts";

const ownPlan = { schedule: null, daysPerWeek: 3 }; // Monday, Wednesday, Friday

describe("reminders", () => {
  it("reads an instant as the local day and minute of a time zone, across the date line and summer time", () => {
    expect(localMoment(new Date("2026-12-07T23:30:00Z"), "Europe/Berlin")).toEqual({ day: "2026-12-08", minute: 30 });
    expect(localMoment(new Date("2026-07-07T06:30:00Z"), "Europe/Berlin")).toEqual({ day: "2026-07-07", minute: 8 * 60 + 30 });
    expect(localMoment(new Date("2026-12-07T03:00:00Z"), "America/New_York")).toEqual({ day: "2026-12-06", minute: 22 * 60 });
  });

  it("plans days by the coach's schedule when there is one, only between its dates", () => {
    const schedule = {
      kind: "weekdays" as const,
      days: ["tue" as const],
      timesPerWeek: null,
      startDate: "2026-12-08",
      endDate: "2026-12-31",
    };
    expect(isPlannedDay("2026-12-01", { schedule, daysPerWeek: 3 })).toBe(false);
    expect(isPlannedDay("2026-12-08", { schedule, daysPerWeek: 3 })).toBe(true);
    expect(isPlannedDay("2026-12-07", { schedule, daysPerWeek: 3 })).toBe(false);
    expect(isPlannedDay("2027-01-05", { schedule, daysPerWeek: 3 })).toBe(false);
  });

  it("plans no day for a person who has not chosen a plan and has no coach's schedule", () => {
    const week = ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-12", "2026-12-13"];
    expect(week.filter((d) => isPlannedDay(d, { schedule: null, daysPerWeek: null }))).toEqual([]);
    expect(week.filter((d) => isPlannedDay(d, ownPlan))).toEqual(["2026-12-07", "2026-12-09", "2026-12-11"]);
  });

  it("is due from the chosen minute of a planned day, not before and not on other days", () => {
    const at = (iso: string) =>
      reminderDecision({ now: new Date(iso), timeZone: "Europe/Berlin", reminderTime: "08:30", plan: ownPlan, practisedDays: new Set() });
    expect(at("2026-12-07T07:29:59Z")).toEqual({ due: false });
    expect(at("2026-12-07T07:30:00Z")).toEqual({ due: true, day: "2026-12-07", outcome: "send" });
    expect(at("2026-12-07T22:59:00Z")).toEqual({ due: true, day: "2026-12-07", outcome: "send" });
    expect(at("2026-12-08T07:30:00Z")).toEqual({ due: false });
  });

  it("decides no mail for a day whose session is already done", () => {
    const d = reminderDecision({
      now: new Date("2026-12-09T08:00:00Z"),
      timeZone: "Europe/Berlin",
      reminderTime: "08:30",
      plan: ownPlan,
      practisedDays: new Set(["2026-12-09"]),
    });
    expect(d).toEqual({ due: true, day: "2026-12-09", outcome: "practised" });
  });
});
