import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, sessionLog } from "../support/api-client.ts";
import { BACKENDS, TestBackend } from "../support/backends.ts";
import { openTestApp, type TestApp } from "../support/test-app.ts";

const TODAY = "2026-11-25"; // a Wednesday
const mwf = { kind: "weekdays", days: ["mon", "wed", "fri"], startDate: "2026-10-26" };

describe.each(BACKENDS)("the coach's dashboard on %s", (name) => {
  const backend = new TestBackend(name);
  let t: TestApp;
  let coach: ApiClient;
  const ids: Record<string, string> = {};

  async function client(displayName: string, days: { day: string; before?: number | null; after?: number | null }[]) {
    const c = t.client();
    const { account } = await c.signUp({ displayName });
    const { code } = (await coach.post("/api/invites", {})).body;
    await c.post("/api/invites/accept", { code });
    await coach.put(`/api/clients/${account.id}/prescription`, {
      programId: "foot-stretches-for-lower-back-pain",
      programVersion: 1,
      schedule: mwf,
    });
    for (const d of days) {
      await c.post(
        "/api/logs",
        sessionLog({
          startedAt: `${d.day}T08:00:00+01:00`,
          endedAt: `${d.day}T08:12:00+01:00`,
          painBefore: d.before ?? 5,
          painAfter: d.after === undefined ? 3 : d.after,
        }),
      );
    }
    ids[displayName] = account.id;
  }

  beforeAll(async () => {
    t = await openTestApp(backend);
    coach = t.client();
    await coach.signUp({ displayName: "Casey", role: "coach" });
    // Steady: every planned day of the last two weeks, pain falling.
    await client(
      "Steady",
      ["2026-11-16", "2026-11-18", "2026-11-20", "2026-11-23", "2026-11-25"].map((day) => ({ day, after: 2 })),
    );
    // Hurting: practises, but pain after rose to 8.
    await client("Hurting", [
      { day: "2026-11-20", after: 3 },
      { day: "2026-11-23", after: 5 },
      { day: "2026-11-25", after: 8 },
    ]);
    // Stopped: nothing since the 13th.
    await client("Stopped", [{ day: "2026-11-13", after: 3 }]);
  });
  afterAll(async () => {
    await t?.database.close();
    await backend.stop();
  });

  it("puts the clients who need attention first, each with their flags", async () => {
    const r = await coach.get(`/api/clients?today=${TODAY}`);
    expect(r.status).toBe(200);
    const rows = r.body.clients as { displayName: string; standing: { flags: { kind: string }[] } }[];
    expect(rows.map((c) => c.displayName)).toEqual(["Hurting", "Stopped", "Steady"]);
    expect(rows.map((c) => c.standing.flags.map((f) => f.kind))).toEqual([["pain-high", "pain-rising"], ["stopped"], []]);
  });

  it("counts adherence over the last 7 and 28 days from the planned days", async () => {
    const steady = (await coach.get(`/api/clients?today=${TODAY}`)).body.clients.find(
      (c: { displayName: string }) => c.displayName === "Steady",
    );
    // The last 7 days run Thu 19th to Wed 25th: planned Fri 20th, Mon 23rd, Wed 25th, all done.
    expect(steady.standing.week).toEqual({ planned: 3, done: 3, ratio: 1 });
    expect(steady.standing.month.planned).toBe(12);
    expect(steady.standing.month.done).toBe(5);
    expect(steady.lastSession).toMatchObject({ day: "2026-11-25", painBefore: 5, painAfter: 2, completed: true });
  });

  it("shows one client's page with the pain series and session list, newest last", async () => {
    const r = await coach.get(`/api/clients/${ids.Hurting}?today=${TODAY}`);
    expect(r.body.pain.map((p: { after: number }) => p.after)).toEqual([3, 5, 8]);
    expect(r.body.sessions.map((s: { day: string }) => s.day)).toEqual(["2026-11-20", "2026-11-23", "2026-11-25"]);
    expect(r.body.standing.flags.map((f: { kind: string }) => f.kind)).toEqual(["pain-high", "pain-rising"]);
    expect(r.body.program.id).toBe("foot-stretches-for-lower-back-pain");
  });

  it("answers organisation-wide adherence over 28 days", async () => {
    const r = await coach.get(`/api/clients/adherence?today=${TODAY}`);
    expect(r.body).toEqual({ today: TODAY, clients: 3, planned: 36, done: 5 + 3 + 1, ratio: 9 / 36 });
  });

  it("counts no practised day for a session with no hold held, and flags the client as stopped", async () => {
    // A practice of its own, so the clients above keep their order and counts.
    const otherCoach = t.client();
    await otherCoach.signUp({ displayName: "Robin", role: "coach" });
    const c = t.client();
    const { account } = await c.signUp({ displayName: "Skipper" });
    await c.post("/api/invites/accept", { code: (await otherCoach.post("/api/invites", {})).body.code });
    await otherCoach.put(`/api/clients/${account.id}/prescription`, {
      programId: "foot-stretches-for-lower-back-pain",
      programVersion: 1,
      schedule: mwf,
    });
    const skipped = [{ exerciseId: "x", phaseId: "y", side: "left", rep: 1, plannedSeconds: 20, heldSeconds: 0.4, skipped: true }];
    await c.post("/api/logs", sessionLog({ startedAt: "2026-11-16T08:00:00+01:00", endedAt: "2026-11-16T08:12:00+01:00" }));
    for (const day of ["2026-11-18", "2026-11-20", "2026-11-23", "2026-11-25"]) {
      const ended = { startedAt: `${day}T08:00:00+01:00`, endedAt: `${day}T08:01:00+01:00`, completed: false, stepsDone: 2 };
      await c.post("/api/logs", sessionLog({ ...ended, holds: skipped, holdsPlanned: 25 }));
    }
    const [row] = (await otherCoach.get(`/api/clients?today=${TODAY}`)).body.clients;
    expect(row.standing.week).toEqual({ planned: 3, done: 0, ratio: 0 });
    expect(row.standing.month.done).toBe(1);
    expect(row.standing.flags.map((f: { kind: string }) => f.kind)).toEqual(["stopped"]);
    // The sessions are still there for the coach to see.
    expect(row.lastSession).toMatchObject({ day: "2026-11-25", completed: false, holdsDone: 0, holdsPlanned: 25 });
    const practice = (await otherCoach.get(`/api/clients/adherence?today=${TODAY}`)).body;
    expect(practice).toMatchObject({ clients: 1, planned: 12, done: 1 });
  });

  it("answers 400 naming the field for a day that does not exist", async () => {
    const r = await coach.get("/api/clients?today=2026-02-30");
    expect(r.status).toBe(400);
    expect(r.body.problems[0].path).toBe("today");
  });
});
