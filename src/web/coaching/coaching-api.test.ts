import { describe, expect, it } from "vitest";
import { Schedule } from "../../core/schedule.ts";
import { percent, scheduleText } from "./coaching-api.ts";

describe("scheduleText", () => {
  it("names the days in week order whatever order they were chosen in", () => {
    const s = Schedule.parse({ kind: "weekdays", days: ["fri", "mon", "wed"], startDate: "2026-11-02" });
    expect(scheduleText(s, { thisYear: 2026, locale: "en-GB" })).toBe("Monday, Wednesday and Friday, from Mon 2 Nov");
  });

  it("says how many times a week, with the end date when there is one, and a year only when it is not this one", () => {
    const s = Schedule.parse({ kind: "per-week", timesPerWeek: 2, startDate: "2026-11-02", endDate: "2027-01-31" });
    expect(scheduleText(s, { thisYear: 2026, locale: "en-GB" })).toBe("2 times a week, from Mon 2 Nov to Sun, 31 Jan 2027");
    expect(scheduleText({ ...s, timesPerWeek: 1, endDate: null }, { thisYear: 2026, locale: "en-GB" })).toBe(
      "1 time a week, from Mon 2 Nov",
    );
  });
});

describe("percent", () => {
  it("shows the share and the counts, or that nothing was planned", () => {
    expect(percent({ planned: 3, done: 2, ratio: 2 / 3 })).toBe("67% (2 of 3)");
    expect(percent({ planned: 0, done: 1, ratio: null })).toBe("nothing planned");
  });
});
