import { describe, expect, it } from "vitest";
import { sessionLog } from "../support/api-client.ts";
import { useTestApp } from "../support/backend-suite.ts";
import { BACKENDS } from "../support/backends.ts";

const PROGRAM = "foot-stretches-for-lower-back-pain";

describe.each(BACKENDS)("export and account deletion on %s", (name) => {
  const suite = useTestApp(name);

  it("exports everything the user gave as a JSON download: account, every log and progress", async () => {
    const c = suite.t.client();
    const { email } = await c.signUp();
    const logs = [
      sessionLog({ notes: "first" }),
      sessionLog({ startedAt: "2026-11-21T08:00:00+01:00", endedAt: "2026-11-21T08:10:00+01:00" }),
    ];
    for (const l of logs) await c.post("/api/logs", l);
    const res = await c.get("/api/account/export.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="limber-export.json"');
    expect(res.body.account.email).toBe(email);
    expect(res.body.sessionLogs.map((l: { id: string }) => l.id)).toEqual(logs.map((l) => l.id));
    expect(res.body.sessionLogs[0].holds).toEqual(logs[0]!.holds);
    expect(res.body.progress).toEqual([
      expect.objectContaining({ programId: PROGRAM, state: expect.objectContaining({ sessionsProgressed: 2 }) }),
    ]);
  });

  it("exports the user's plan, notes to their coach and calendar address date with the rest", async () => {
    const coach = suite.t.client();
    await coach.signUp({ displayName: "Casey", role: "coach" });
    const { code } = (await coach.post("/api/invites", {})).body;
    const c = suite.t.client();
    await c.signUp();
    expect((await c.post("/api/invites/accept", { code })).status).toBe(200);
    const plan = {
      programId: PROGRAM,
      programVersion: 1,
      schedule: { kind: "weekdays", days: ["mon", "thu"], startDate: "2026-11-02" },
      note: "Slowly.",
    };
    const me = (await c.get("/api/auth/me")).body.account;
    expect((await coach.put(`/api/clients/${me.id}/prescription`, plan)).status).toBe(200);
    expect((await c.post("/api/messages", { body: "Left calf was tight today." })).status).toBe(201);
    expect((await c.post("/api/calendar-feed", {})).status).toBe(201);
    const res = await c.get("/api/account/export.json");
    expect(res.body.plan).toMatchObject({ programId: PROGRAM, schedule: { days: ["mon", "thu"] }, note: "Slowly.", setBy: "coach" });
    expect(res.body.notesToCoach.map((m: { body: string }) => m.body)).toEqual(["Left calf was tight today."]);
    expect(res.body.calendarFeedSince).toEqual(expect.any(String));
    expect(JSON.stringify(res.body)).not.toMatch(/token/i);
  });

  it("exports the logs as CSV, one row per session, with notes safely quoted", async () => {
    const c = suite.t.client();
    await c.signUp();
    const log = sessionLog({ notes: 'tight, "sharp" at first\nbetter later', painBefore: 6, painAfter: null });
    await c.post("/api/logs", log);
    const res = await c.get("/api/account/export.csv");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = res.text.split("\r\n");
    expect(lines[0]).toBe(
      "id,program_id,program_version,started_at,ended_at,local_day,completed,steps_done,steps_total,holds,seconds_held,holds_skipped,pain_before,pain_after,notes,received_at",
    );
    expect(res.text).toContain(
      `${log.id},${PROGRAM},1,2026-11-20T07:00:00.000Z,2026-11-20T07:12:00.000Z,2026-11-20,true,40,40,1,19.5,0,6,,"tight, ""sharp"" at first\nbetter later",2026-11-25T09:00:00.000Z`,
    );
  });

  it("deletes the account and every row of the user's data after the password is confirmed", async () => {
    const c = suite.t.client();
    const { email, account } = await c.signUp();
    await c.post("/api/logs", sessionLog());
    await c.put(`/api/progress/${PROGRAM}/hold`, { exerciseId: "wall-calf-stretch", phaseId: "calf", seconds: 40 });
    const wrong = await c.delete("/api/account", { password: "not my password" });
    expect(wrong.status).toBe(403);
    expect((await c.get("/api/logs")).body.logs).toHaveLength(1);

    expect((await c.delete("/api/account", { password: "correct horse battery" })).status).toBe(204);
    const db = suite.t.database.db;
    for (const table of ["session_logs", "progress", "auth_sessions"] as const) {
      expect(await db.selectFrom(table).select("user_id").where("user_id", "=", account.id).execute(), table).toEqual([]);
    }
    expect(await db.selectFrom("users").select("id").where("id", "=", account.id).execute()).toEqual([]);
    expect(await db.selectFrom("organisations").select("id").where("id", "=", account.organisationId).execute()).toEqual([]);
    expect((await c.get("/api/auth/me")).body).toEqual({ account: null, csrfToken: null });
    expect((await suite.t.client().post("/api/auth/sign-in", { email, password: "correct horse battery" })).status).toBe(401);
  });

  it("deletes a coach's practice with the coach when nobody else is in it", async () => {
    const c = suite.t.client();
    const { account } = await c.signUp({ role: "coach", displayName: "Coach Kim" });
    expect((await c.delete("/api/account", { password: "correct horse battery" })).status).toBe(204);
    expect(await suite.t.database.db.selectFrom("organisations").select("name").where("id", "=", account.organisationId).execute()).toEqual(
      [],
    );
  });

  it("keeps an organisation that still has other people in it", async () => {
    const coach = suite.t.client();
    const { account: kim } = await coach.signUp({ role: "coach" });
    const client = suite.t.client();
    const { account: joe } = await client.signUp();
    await suite.t.database.db.updateTable("users").set({ organisation_id: kim.organisationId }).where("id", "=", joe.id).execute();
    await coach.delete("/api/account", { password: "correct horse battery" });
    expect(await suite.t.database.db.selectFrom("organisations").select("id").where("id", "=", kim.organisationId).execute()).toHaveLength(
      1,
    );
    expect((await client.get("/api/auth/me")).body.account).not.toBeNull();
  });

  it("leaves other users' data alone when one account is deleted", async () => {
    const keep = suite.t.client();
    await keep.signUp();
    const kept = sessionLog();
    await keep.post("/api/logs", kept);
    const leave = suite.t.client();
    await leave.signUp();
    await leave.post("/api/logs", sessionLog());
    await leave.delete("/api/account", { password: "correct horse battery" });
    expect((await keep.get(`/api/logs/${kept.id}`)).status).toBe(200);
    expect((await keep.get(`/api/progress/${PROGRAM}`)).body.sessionsProgressed).toBe(1);
  });
});
