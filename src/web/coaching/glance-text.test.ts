import { describe, expect, it } from "vitest";
import { daysAgo, holdsText, showsUnder } from "./glance-text.ts";

describe("the dashboard's words", () => {
  it("says how long ago a day was", () => {
    expect([daysAgo("2026-11-25", "2026-11-25"), daysAgo("2026-11-24", "2026-11-25"), daysAgo("2026-11-23", "2026-11-25")]).toEqual([
      "today",
      "yesterday",
      "2 days ago",
    ]);
  });

  it("says holds done of planned, or only the holds done when the total is unknown", () => {
    expect([holdsText({ done: 12, planned: 25 }), holdsText({ done: 1, planned: null }), holdsText({ done: 3, planned: null })]).toEqual([
      "12 of 25 holds",
      "1 hold",
      "3 holds",
    ]);
    expect(holdsText({ done: 1, planned: 1 })).toBe("1 of 1 hold");
  });

  it("filters by a part of the name in any case, and by the summary's groups", () => {
    const robin = { displayName: "Robin Ash", programId: null, standing: { flags: [{ kind: "stopped" }] } };
    const kim = { displayName: "Kim", programId: "p", standing: { flags: [] } };
    expect([showsUnder(robin, "all", "ash"), showsUnder(kim, "all", "ash")]).toEqual([true, false]);
    expect([showsUnder(robin, "attention", ""), showsUnder(kim, "attention", "")]).toEqual([true, false]);
    expect([showsUnder(robin, "no-plan", ""), showsUnder(kim, "no-plan", "")]).toEqual([true, false]);
    expect([showsUnder(robin, "stopped", ""), showsUnder(kim, "stopped", "")]).toEqual([true, false]);
  });
});
