import { describe, expect, it } from "vitest";
import { adherenceOver, flagsFor, type LoggedSession } from "./adherence.ts";
import { byAttention, standingOf, type ClientFacts } from "./client-standing.ts";
import { Schedule } from "./schedule.ts";

const mwf = Schedule.parse({ kind: "weekdays", days: ["mon", "wed", "fri"], startDate: "2026-10-01" });
const today = "2026-11-25"; // a Wednesday

function facts(over: Partial<ClientFacts> = {}): ClientFacts {
  return { schedule: mwf, recentDays: [], lastDay: null, lastRated: [], ...over };
}

describe("standingOf", () => {
  it("gives the same adherence as adherenceOver on the full logs", () => {
    const logs: LoggedSession[] = ["2026-11-02", "2026-11-04", "2026-11-20", "2026-11-23", "2026-11-25"].map((d) => ({
      startedAt: `${d}T08:00:00+01:00`,
      completed: true,
      painBefore: 5,
      painAfter: 3,
    }));
    const s = standingOf(
      facts({ recentDays: ["2026-11-02", "2026-11-04", "2026-11-20", "2026-11-23", "2026-11-25"], lastDay: "2026-11-25" }),
      today,
    );
    expect(s.week).toEqual(adherenceOver(mwf, logs, today, 7));
    expect(s.month).toEqual(adherenceOver(mwf, logs, today, 28));
  });

  it("flags high and rising pain from the last three rated sessions", () => {
    const s = standingOf(
      facts({
        recentDays: ["2026-11-20", "2026-11-23", "2026-11-25"],
        lastDay: "2026-11-25",
        lastRated: [
          { day: "2026-11-20", painBefore: 4, painAfter: 3 },
          { day: "2026-11-23", painBefore: 5, painAfter: 5 },
          { day: "2026-11-25", painBefore: 6, painAfter: 8 },
        ],
      }),
      today,
    );
    expect(s.flags.map((f) => f.kind)).toEqual(["pain-high", "pain-rising"]);
  });

  it("flags a client who stopped the same way flagsFor does on the full logs", () => {
    const last = "2026-11-13";
    const s = standingOf(facts({ recentDays: [last], lastDay: last }), today);
    const full = flagsFor(mwf, [{ startedAt: `${last}T09:00:00Z`, completed: true, painBefore: null, painAfter: null }], today);
    expect(s.flags).toEqual(full);
    expect(s.flags[0]?.kind).toBe("stopped");
  });

  it("puts the client who needs attention before an adherent one", () => {
    const calm = {
      displayName: "Ann",
      standing: standingOf(facts({ recentDays: ["2026-11-23", "2026-11-25"], lastDay: "2026-11-25" }), today),
    };
    const worrying = { displayName: "Zoe", standing: standingOf(facts({ lastDay: "2026-11-02", recentDays: ["2026-11-02"] }), today) };
    expect([calm, worrying].sort(byAttention).map((c) => c.displayName)).toEqual(["Zoe", "Ann"]);
  });
});
