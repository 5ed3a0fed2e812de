import { describe, expect, it } from "vitest";
import { sessionLog } from "../support/api-client.ts";
import { useTestApp } from "../support/backend-suite.ts";
import { BACKENDS } from "../support/backends.ts";

const TODAY = "2026-11-25"; // a Wednesday; the test app's clock starts at 09:00 UTC that day
const mwf = { kind: "weekdays", days: ["mon", "wed", "fri"], startDate: "2026-10-26" };
const hold = (skipped: boolean) => ({
  exerciseId: "x",
  phaseId: "y",
  side: null,
  rep: 1,
  plannedSeconds: 20,
  heldSeconds: skipped ? 3 : 20,
  skipped,
});

describe.each(BACKENDS)("the dashboard at a glance on %s", (name) => {
  const suite = useTestApp(name);

  async function practice() {
    const coach = suite.t.client();
    await coach.signUp({ displayName: "Casey", role: "coach" });
    const join = async (displayName: string, plan = true) => {
      const c = suite.t.client();
      const { account } = await c.signUp({ displayName });
      const { code } = (await coach.post("/api/invites", {})).body;
      await c.post("/api/invites/accept", { code });
      if (plan)
        await coach.put(`/api/clients/${account.id}/prescription`, {
          programId: "foot-stretches-for-lower-back-pain",
          programVersion: 1,
          schedule: mwf,
        });
      return { c, id: account.id };
    };
    return { coach, join };
  }
  const log = (day: string, extra: Record<string, unknown> = {}) =>
    sessionLog({ startedAt: `${day}T08:00:00Z`, endedAt: `${day}T08:12:00Z`, ...extra });

  it("sums up the practice at the top: who needs attention, sessions this week, who stopped, who has no plan", async () => {
    const { coach, join } = await practice();
    const steady = await join("Steady");
    for (const day of ["2026-11-20", "2026-11-23", "2026-11-25"]) await steady.c.post("/api/logs", log(day, { painAfter: 2 }));
    const stopped = await join("Stopped");
    await stopped.c.post("/api/logs", log("2026-11-13", { painAfter: 3 }));
    await join("New", false);
    const body = (await coach.get(`/api/clients?today=${TODAY}`)).body;
    expect(body.summary).toEqual({ clients: 3, needAttention: 1, sessionsThisWeek: 3, stopped: 1, noPlan: 1 });
  });

  it("gives each client the pain of their last 8 sessions, oldest first, and four weeks of planned against done", async () => {
    const { coach, join } = await practice();
    const robin = await join("Robin");
    const days = [
      "2026-11-02",
      "2026-11-04",
      "2026-11-06",
      "2026-11-09",
      "2026-11-13",
      "2026-11-16",
      "2026-11-18",
      "2026-11-20",
      "2026-11-23",
      "2026-11-25",
    ];
    for (const [i, day] of days.entries()) await robin.c.post("/api/logs", log(day, { painBefore: 6, painAfter: i % 4 }));
    const row = (await coach.get(`/api/clients?today=${TODAY}`)).body.clients[0];
    expect(row.recentSessions).toEqual(days.slice(2).map((day, i) => ({ day, painBefore: 6, painAfter: (i + 2) % 4 })));
    // Windows end on Wednesdays: Oct 29–Nov 4, Nov 5–11, Nov 12–18, Nov 19–25, three planned days each.
    expect(row.weeks.map((w: { planned: number; done: number }) => [w.planned, w.done])).toEqual([
      [3, 2],
      [3, 2],
      [3, 3],
      [3, 3],
    ]);
  });

  it("says how many of the last session's holds were done, not just whether it ended", async () => {
    const { coach, join } = await practice();
    const partly = await join("Partly");
    const holds = [...Array.from({ length: 12 }, () => hold(false)), hold(true)];
    await partly.c.post("/api/logs", log("2026-11-24", { completed: false, holds, holdsPlanned: 25, stepsDone: 30 }));
    const older = await join("Older device");
    await older.c.post("/api/logs", log("2026-11-24", { completed: true, holds: [hold(false), hold(false), hold(true)] }));
    const rows = (await coach.get(`/api/clients?today=${TODAY}`)).body.clients as {
      displayName: string;
      lastSession: { holdsDone: number; holdsPlanned: number | null; completed: boolean };
    }[];
    const last = (n: string) => rows.find((r) => r.displayName === n)!.lastSession;
    expect(last("Partly")).toMatchObject({ holdsDone: 12, holdsPlanned: 25, completed: false });
    // A completed log from a device that did not say: every planned hold is in it.
    expect(last("Older device")).toMatchObject({ holdsDone: 2, holdsPlanned: 3, completed: true });
  });

  it("counts what is new since the coach's last look: nothing before a first look, then sessions and notes after it", async () => {
    const { coach, join } = await practice();
    const robin = await join("Robin");
    await robin.c.post("/api/logs", log("2026-11-23"));
    await robin.c.post("/api/messages", { body: "Monday went well." });
    const first = (await coach.get(`/api/clients?today=${TODAY}`)).body;
    expect([first.seenAt, first.clients[0].newSince]).toEqual([null, { sessions: 0, notes: 0 }]);
    expect((await coach.post("/api/clients/seen")).status).toBe(204);
    const seenAt = suite.t.clock.now().toISOString();
    suite.t.clock.advance(3_600_000);
    // A session done this morning but sent after the look (a phone offline until now) is new too.
    await robin.c.post("/api/logs", sessionLog({ startedAt: "2026-11-25T07:30:00Z", endedAt: "2026-11-25T07:40:00Z" }));
    await robin.c.post("/api/messages", { body: "And today too." });
    const next = (await coach.get(`/api/clients?today=${TODAY}`)).body;
    expect([next.seenAt, next.clients[0].newSince]).toEqual([seenAt, { sessions: 1, notes: 1 }]);
  });
});
