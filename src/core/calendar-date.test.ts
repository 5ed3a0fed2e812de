import { describe, expect, it } from "vitest";
import {
  addDays,
  dateInWords,
  dayNumber,
  datesFrom,
  daysBetween,
  isCalendarDate,
  localDateOf,
  weekdayOf,
  weekStartOf,
} from "./calendar-date.ts";

describe("calendar dates", () => {
  it("accepts real dates and rejects impossible or malformed ones", () => {
    expect(isCalendarDate("2026-11-25")).toBe(true);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-30", "2026-13-01", "26-11-25", "2026-11-25T00:00", ""]) expect(isCalendarDate(bad)).toBe(false);
  });

  it("adds days across month, year and daylight-saving boundaries", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
  });

  it("starts weeks on Monday", () => {
    expect(weekStartOf("2026-11-25")).toBe("2026-11-23");
    expect(weekStartOf("2026-11-23")).toBe("2026-11-23");
    expect(weekStartOf("2026-11-29")).toBe("2026-11-23");
    expect(weekStartOf("2027-01-01")).toBe("2026-12-28");
  });

  it("numbers days from 1970-01-01", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1970-01-11")).toBe(10);
    expect(dayNumber("1969-12-31")).toBe(-1);
  });

  it("adds days into a leap day", () => {
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });

  it("names the weekday", () => {
    expect(weekdayOf("2026-11-25")).toBe("wed");
    expect(weekdayOf("1970-01-01")).toBe("thu");
    expect(weekdayOf("1969-12-29")).toBe("mon");
  });

  it("counts whole days between dates", () => {
    expect(daysBetween("2026-11-01", "2026-11-25")).toBe(24);
    expect(daysBetween("2026-11-25", "2026-11-01")).toBe(-24);
  });

  it("lists dates inclusively and nothing for a reversed range", () => {
    expect(datesFrom("2026-11-29", "2026-12-01")).toEqual(["2026-11-29", "2026-11-30", "2026-12-01"]);
    expect(datesFrom("2026-12-01", "2026-11-29")).toEqual([]);
  });

  it("takes a session's day from its local timestamp, not from UTC", () => {
    expect(localDateOf("2026-11-25T23:30:00-05:00")).toBe("2026-11-25");
  });

  it("writes a date in words, with the year only when it is not this year's", () => {
    expect(dateInWords("2026-11-19", "2026-12-01")).toBe("Thursday 19 November");
    expect(dateInWords("2025-12-31", "2026-01-02")).toBe("Wednesday 31 December 2025");
  });
});
