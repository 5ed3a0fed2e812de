import { describe, expect, it } from "vitest";
import { adherence, painSeries, painTrendSummary, practisedDays, streak, type PracticeEntry } from "./history.ts";

const entry = (day: string, painBefore: number | null = null, painAfter: number | null = null): PracticeEntry => ({
  day,
  completed: true,
  held: true,
  painBefore,
  painAfter,
});

describe("practised days", () => {
  it("lists each practised day once, in order, from several sessions a day", () => {
    expect(practisedDays([entry("2026-11-03"), entry("2026-11-01"), entry("2026-11-03")])).toEqual(["2026-11-01", "2026-11-03"]);
  });
});

describe("a session that held no hold", () => {
  it("does not make a practised day, whether it was ended early or skipped through to the end", () => {
    const endedAtOnce = { ...entry("2026-11-02"), completed: false, held: false };
    const skippedThrough = { ...entry("2026-11-04"), held: false };
    expect(practisedDays([entry("2026-11-01"), endedAtOnce, skippedThrough])).toEqual(["2026-11-01"]);
  });
});

describe("streak", () => {
  it("counts consecutive days back from today", () => {
    expect(streak(["2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25"], "2026-11-25")).toBe(4);
  });

  it("keeps yesterday's streak alive when today is not practised yet", () => {
    expect(streak(["2026-11-23", "2026-11-24"], "2026-11-25")).toBe(2);
  });

  it("is zero when neither today nor yesterday was practised", () => {
    expect(streak(["2026-11-20", "2026-11-21"], "2026-11-25")).toBe(0);
  });

  it("stops at the first missed day", () => {
    expect(streak(["2026-11-20", "2026-11-22", "2026-11-23"], "2026-11-23")).toBe(2);
  });
});

describe("adherence", () => {
  it("counts from the day the plan or first session started, not over the weeks before it", () => {
    // Wednesday 2026-11-25 is day one; practised that day. Plan: 3 days a week.
    const a = adherence(["2026-11-25"], 3, "2026-11-25", 12, "2026-11-25");
    expect(a.weeks).toEqual([{ weekStart: "2026-11-23", practised: 1, planned: 1 }]);
    expect(a.rate).toBe(1);
    // A week later, 2 more days practised; the first week expected 3 of its 5 days from the start.
    const b = adherence(["2026-11-25", "2026-11-27", "2026-12-01"], 3, "2026-12-02", 12, "2026-11-25");
    expect(b.weeks).toEqual([
      { weekStart: "2026-11-23", practised: 2, planned: 3 },
      { weekStart: "2026-11-30", practised: 1, planned: 3 },
    ]);
    expect(b.rate).toBe(3 / 6);
  });

  it("is the share of planned days kept, with extra days in a week not making up for a missed week", () => {
    // plan 3 days a week, two full weeks before this one: 5 days in the first, 1 in the second
    const days = ["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13", "2026-11-16", "2026-11-29"];
    const a = adherence(days, 3, "2026-11-29", 3);
    expect(a.weeks).toEqual([
      { weekStart: "2026-11-09", practised: 5, planned: 3 },
      { weekStart: "2026-11-16", practised: 1, planned: 3 },
      { weekStart: "2026-11-23", practised: 1, planned: 3 },
    ]);
    expect(a.rate).toBeCloseTo((3 + 1 + 1) / 9);
  });

  it("expects no more days this week than have passed", () => {
    const a = adherence(["2026-11-23"], 5, "2026-11-23", 1); // Monday
    expect(a.weeks).toEqual([{ weekStart: "2026-11-23", practised: 1, planned: 1 }]);
    expect(a.rate).toBe(1);
  });
});

describe("pain", () => {
  it("keeps only sessions that recorded pain, oldest first", () => {
    expect(painSeries([entry("2026-11-02", 5, 3), entry("2026-11-01"), entry("2026-11-01", null, 4)])).toEqual([
      { day: "2026-11-01", before: null, after: 4 },
      { day: "2026-11-02", before: 5, after: 3 },
    ]);
  });

  it("says pain fell from the first week's average to the last week's over four weeks", () => {
    const points = painSeries([
      entry("2026-10-29", 7, 6),
      entry("2026-10-31", 7, 6),
      entry("2026-11-10", 5, 4),
      entry("2026-11-24", 4, 3),
      entry("2026-11-26", 4, 3),
    ]);
    expect(painTrendSummary(points, "2026-11-26")).toBe("Pain after sessions fell from 6 to 3 over four weeks.");
  });

  it("says pain rose when it did, over days for a short span", () => {
    const points = painSeries([entry("2026-11-20", 3, 2), entry("2026-11-23", 3, 5)]);
    expect(painTrendSummary(points, "2026-11-25")).toBe("Pain after sessions rose from 2 to 5 over three days.");
  });

  it("says pain stayed level when the ends match", () => {
    const points = painSeries([entry("2026-11-10", 4, 4), entry("2026-11-24", 4, 4)]);
    expect(painTrendSummary(points, "2026-11-25")).toBe("Pain after sessions stayed at about 4 over two weeks.");
  });

  it("asks for more scores when pain after was noted on only one day", () => {
    expect(painTrendSummary(painSeries([entry("2026-11-24", 5, 3)]), "2026-11-25")).toMatch(/^Not enough pain scores yet/);
  });

  it("ignores scores older than the window", () => {
    const points = painSeries([entry("2026-01-01", 9, 9), entry("2026-11-20", 4, 4), entry("2026-11-24", 4, 2)]);
    expect(painTrendSummary(points, "2026-11-25")).toBe("Pain after sessions fell from 4 to 2 over four days.");
  });
});
