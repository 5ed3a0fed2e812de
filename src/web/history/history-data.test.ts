import { describe, expect, it } from "vitest";
import type { SessionLog } from "../../core/session-log.ts";
import { historyOf, mergeLogs } from "./history-data.ts";

const hold = (skipped: boolean) => ({
  exerciseId: "e",
  phaseId: "p",
  side: null,
  rep: 1,
  plannedSeconds: 10,
  heldSeconds: skipped ? 0 : 10,
  skipped,
});
const log = (id: string, day: string, o: Partial<SessionLog> = {}): SessionLog => ({
  id,
  programId: "p",
  programVersion: 1,
  startedAt: `${day}T08:00:00.000Z`,
  endedAt: `${day}T08:10:00.000Z`,
  completed: true,
  stepsDone: 3,
  stepsTotal: 3,
  holds: [hold(false)],
  painBefore: null,
  painAfter: null,
  notes: "",
  ...o,
});
const dayOf = (iso: string) => iso.slice(0, 10);

describe("history from the sessions themselves", () => {
  it("counts a session on both the device and the server once, by its log id", () => {
    const a = log("00000000-0000-4000-8000-000000000001", "2026-11-24");
    const b = log("00000000-0000-4000-8000-000000000002", "2026-11-25");
    const merged = mergeLogs([b], [a, b]);
    expect(merged.map((l) => l.id)).toEqual([a.id, b.id]);
    expect(historyOf(merged, "2026-11-25", null, dayOf).sessions).toBe(2);
  });

  it("on day one with one session, keeps the plan 100% from the day it was chosen and says a trend needs one more day", () => {
    const first = log("00000000-0000-4000-8000-000000000003", "2026-11-25", { painBefore: 5, painAfter: 4 });
    const view = historyOf([first], "2026-11-25", { daysPerWeek: 3, since: "2026-11-25" }, dayOf);
    expect(view.kept).toEqual({ rate: 1, since: "2026-11-25" });
    expect(view.streak).toBe(1);
    expect(view.daysRatedAfter).toBe(1);
  });

  it("shows no plan kept when the person has not chosen a plan", () => {
    expect(historyOf([log("00000000-0000-4000-8000-000000000004", "2026-11-25")], "2026-11-25", null, dayOf).kept).toBeNull();
  });

  it("leaves a session that held no hold out of the practised days, but still counts it as a session", () => {
    const none = log("00000000-0000-4000-8000-000000000005", "2026-11-25", { completed: false, holds: [hold(true)] });
    const view = historyOf([none], "2026-11-25", null, dayOf);
    expect(view.days).toEqual([]);
    expect(view.sessions).toBe(1);
    expect(view.streak).toBe(0);
  });
});
