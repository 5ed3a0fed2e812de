import { describe, expect, it } from "vitest";
import { dateLocale, dayMonthText, dayText, fullDayText, longDayText, monthText, shortDayMonthText, timeText, when } from "./dates.ts";

describe("the locale dates are written in", () => {
  it("is the browser's first English locale, whatever comes before it", () => {
    expect(dateLocale(["en-US", "en-GB"])).toBe("en-US");
    expect(dateLocale(["de-DE", "en-AU", "en-GB"])).toBe("en-AU");
    expect(dateLocale(["en"])).toBe("en");
  });

  it("is British English when the browser names no English one, so an English sentence keeps English dates", () => {
    expect(dateLocale(["de-DE", "fr"])).toBe("en-GB");
    expect(dateLocale([])).toBe("en-GB");
    expect(dateLocale(["eng-XX"])).toBe("en-GB");
  });
});

describe("a calendar day, written for people", () => {
  const gb = { locale: "en-GB", thisYear: 2026 };
  const us = { locale: "en-US", thisYear: 2026 };

  it("in short, with the year only when it is not this year", () => {
    expect(dayText("2026-11-30", gb)).toBe("Mon 30 Nov");
    expect(dayText("2027-01-31", gb)).toBe("Sun, 31 Jan 2027");
    expect(dayText("2026-11-30", us)).toBe("Mon, Nov 30");
  });

  it("in full, as each locale writes it", () => {
    expect(longDayText("2026-11-30", gb)).toBe("Monday 30 November");
    expect(longDayText("2026-11-30", us)).toBe("Monday, November 30");
    expect(longDayText("2025-12-31", gb)).toBe("Wednesday, 31 December 2025");
  });

  it("as a day and month, long and short, and a month's name", () => {
    expect(dayMonthText("2026-11-25", gb)).toBe("25 November");
    expect(dayMonthText("2026-11-25", us)).toBe("November 25");
    expect(shortDayMonthText("2027-03-02", gb)).toBe("2 Mar");
    expect(monthText("2026-10-01", gb)).toBe("Oct");
  });

  it("always with its year when it is kept (a saved program, an invite's last day)", () => {
    expect(fullDayText("2026-11-30", { locale: "en-GB" })).toBe("30 November 2026");
    expect(fullDayText("2026-11-30", { locale: "en-US" })).toBe("November 30, 2026");
  });

  it("is the same day in every time zone: a YYYY-MM-DD is a day, not a moment", () => {
    // Noon UTC read back in UTC: no zone between UTC-12 and UTC+12 moves it to another day.
    expect(dayText("2026-01-01", { locale: "en-GB", thisYear: 2026 })).toBe("Thu 1 Jan");
  });
});

describe("a moment and a time of day", () => {
  it("never show seconds", () => {
    const moment = "2026-12-01T23:09:41Z";
    expect(when(moment, { locale: "en-GB" })).not.toMatch(/:41/);
    expect(timeText(moment, { locale: "en-GB" })).not.toMatch(/:41/);
    expect(timeText(moment, { locale: "en-GB" })).toMatch(/^\d{1,2}:09$/);
  });

  it("writes an early hour in two digits, so it is not read as the afternoon", () => {
    const early = new Date(2026, 11, 2, 4, 15).toISOString();
    expect(timeText(early, { locale: "en-GB" })).toBe("04:15");
    expect(timeText(early, { locale: "en-US" })).toBe("04:15 AM");
  });
});
