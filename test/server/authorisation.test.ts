import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, sessionLog } from "../support/api-client.ts";
import { BACKENDS, TestBackend } from "../support/backends.ts";
import { openTestApp, type TestApp } from "../support/test-app.ts";
import { COACHING_ROUTES } from "../support/coaching-routes.ts";

const PROGRAM = "foot-stretches-for-lower-back-pain";

/** Every endpoint that needs a signed-in user, with a valid request for each. */
const PRIVATE_ENDPOINTS: { method: string; path: string; body?: unknown }[] = [
  { method: "POST", path: "/api/auth/password", body: { currentPassword: "correct horse battery", newPassword: "another long password" } },
  { method: "POST", path: "/api/logs", body: sessionLog() },
  { method: "GET", path: "/api/logs" },
  { method: "GET", path: "/api/logs/:logId" },
  { method: "GET", path: `/api/progress/${PROGRAM}` },
  { method: "PUT", path: `/api/progress/${PROGRAM}/hold`, body: { exerciseId: "wall-calf-stretch", phaseId: "calf", seconds: 40 } },
  { method: "GET", path: "/api/history" },
  { method: "GET", path: "/api/settings" },
  { method: "PUT", path: "/api/settings", body: { planDaysPerWeek: 6 } },
  { method: "GET", path: "/api/account/export.json" },
  { method: "GET", path: "/api/account/export.csv" },
  { method: "DELETE", path: "/api/account", body: { password: "correct horse battery" } },
  { method: "GET", path: "/api/mail" },
  { method: "PUT", path: "/api/mail", body: { reminderTime: "08:00", timeZone: "Europe/London", weeklySummary: false } },
  { method: "POST", path: "/api/mail/email-check" },
  // Speaking a practice's own sentence costs the server time: signed in only.
  { method: "GET", path: "/api/voice/clips/:key" },
];

describe.each(BACKENDS)("authorisation on %s", (name) => {
  const backend = new TestBackend(name);
  let t: TestApp;
  let alice: ApiClient;
  let bob: ApiClient;
  let aliceLog: ReturnType<typeof sessionLog>;

  beforeAll(async () => {
    t = await openTestApp(backend);
    alice = t.client();
    await alice.signUp({ displayName: "Alice" });
    aliceLog = sessionLog({ notes: "alice private note", painBefore: 8, painAfter: 6 });
    await alice.post("/api/logs", aliceLog);
    await alice.put(`/api/progress/${PROGRAM}/hold`, { exerciseId: "wall-calf-stretch", phaseId: "calf", seconds: 50 });
    await alice.put("/api/settings", { planDaysPerWeek: 5 });
    bob = t.client();
    await bob.signUp({ displayName: "Bob" });
  });
  afterAll(async () => {
    await t?.database.close();
    await backend.stop();
  });

  it.each(PRIVATE_ENDPOINTS)("refuses $method $path without a session with 401", async ({ method, path, body }) => {
    const stranger = t.client();
    const res = await stranger.request(method, path.replace(":logId", aliceLog.id), body);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: "Sign in first, then try again." });
  });

  it("covers every route the app has: each is either public on purpose or listed above", () => {
    const PUBLIC = [
      "GET /api/health",
      "POST /api/auth/sign-up",
      "POST /api/auth/sign-in",
      "POST /api/auth/sign-out",
      // Answers everyone; signed out it says so with a 200 and no account (accounts.test.ts).
      "GET /api/auth/me",
      "POST /api/auth/reset/request",
      "POST /api/auth/reset/check",
      "POST /api/auth/reset",
      "GET /api/programs",
      "GET /api/programs/:id",
      "POST /api/invites/preview",
      // Links from mail, which carry their own signed or hashed token (mail-email-check and mail-reminders tests).
      "POST /api/mail/email-check/use",
      "POST /api/mail/unsubscribe",
      // One-click unsubscribe (List-Unsubscribe-Post), answered to a mail program: the signed token is the permission.
      "POST /mail/unsubscribe/:token",
    ];
    const listed = PRIVATE_ENDPOINTS.map((e) => `${e.method} ${e.path.replace(":logId", ":id").replace(PROGRAM, ":programId")}`);
    const routes = t.app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path.replace(/\/$/, "")}`);
    const coaching = COACHING_ROUTES.map((e) => `${e.method} ${e.path}`);
    for (const r of new Set(routes)) expect([...PUBLIC, ...listed, ...coaching], r).toContain(r);
  });

  it("refuses every private endpoint with a forged or expired cookie", async () => {
    for (const e of PRIVATE_ENDPOINTS) {
      const forged = await t
        .client()
        .request(e.method, e.path.replace(":logId", aliceLog.id), e.body, { cookie: "limber_session=forged-token" });
      expect(forged.status, `${e.method} ${e.path.replace(":logId", aliceLog.id)}`).toBe(401);
    }
  });

  it("keeps Alice's data away from Bob on every endpoint that reads data", async () => {
    expect((await bob.get(`/api/logs/${aliceLog.id}`)).status).toBe(404);
    expect((await bob.get("/api/logs")).body.logs).toEqual([]);
    const progress = (await bob.get(`/api/progress/${PROGRAM}`)).body;
    expect(progress.sessionsProgressed).toBe(0);
    expect(progress.exercises).toEqual({});
    const history = (await bob.get("/api/history?today=2026-11-25")).body;
    expect(history.days).toEqual([]);
    expect(history.pain).toEqual([]);
    expect((await bob.get("/api/settings")).body.planDaysPerWeek).toBeNull();
    const json = await bob.get("/api/account/export.json");
    expect(json.text).not.toContain(aliceLog.id);
    expect(json.text).not.toContain("alice private note");
    const csv = await bob.get("/api/account/export.csv");
    expect(csv.text).not.toContain(aliceLog.id);
    expect((await bob.get("/api/auth/me")).body.account.displayName).toBe("Bob");
  });

  it("never lets Bob change Alice's data through any endpoint that writes", async () => {
    const hijack = await bob.post("/api/logs", { ...aliceLog, notes: "overwritten by bob", painAfter: 0 });
    expect(hijack.status).toBe(409);
    await bob.put(`/api/progress/${PROGRAM}/hold`, { exerciseId: "wall-calf-stretch", phaseId: "calf", seconds: 5 });
    await bob.put("/api/settings", { planDaysPerWeek: 1 });
    expect(
      (await bob.post("/api/auth/password", { currentPassword: "correct horse battery", newPassword: "bob's new password" })).status,
    ).toBe(200);
    expect((await bob.delete("/api/account", { password: "bob's new password" })).status).toBe(204);

    const log = (await alice.get(`/api/logs/${aliceLog.id}`)).body;
    expect(log).toMatchObject({ notes: "alice private note", painAfter: 6 });
    const progress = (await alice.get(`/api/progress/${PROGRAM}`)).body;
    expect(progress.exercises["wall-calf-stretch"].holds.calf).toBe(50);
    expect(progress.sessionsProgressed).toBe(1);
    expect((await alice.get("/api/settings")).body.planDaysPerWeek).toBe(5);
    expect((await alice.get("/api/auth/me")).body.account).not.toBeNull();
    const again = t.client();
    expect(
      (
        await again.post("/api/auth/sign-in", {
          email: (await alice.get("/api/auth/me")).body.account.email,
          password: "correct horse battery",
        })
      ).status,
    ).toBe(200);
  });

  it("keeps two people of the same organisation apart: sharing an organisation grants no access to each other's data", async () => {
    // Coach features come later; put Carol into Alice's organisation directly, as a coach would.
    const carol = t.client();
    const { account } = await carol.signUp({ displayName: "Carol" });
    const aliceOrg = (await alice.get("/api/auth/me")).body.account.organisationId;
    await t.database.db.updateTable("users").set({ organisation_id: aliceOrg }).where("id", "=", account.id).execute();
    expect((await carol.get("/api/auth/me")).body.account.organisationId).toBe(aliceOrg);
    expect((await carol.get(`/api/logs/${aliceLog.id}`)).status).toBe(404);
    expect((await carol.get("/api/logs")).body.logs).toEqual([]);
    expect((await carol.get(`/api/progress/${PROGRAM}`)).body.sessionsProgressed).toBe(0);
    expect((await carol.post("/api/logs", aliceLog)).status).toBe(409);
    expect((await carol.get("/api/account/export.json")).text).not.toContain("alice private note");
  });

  it("stamps every row a user writes with that user's organisation", async () => {
    const me = (await alice.get("/api/auth/me")).body.account;
    const logs = await t.database.db.selectFrom("session_logs").select("organisation_id").where("user_id", "=", me.id).execute();
    const progress = await t.database.db.selectFrom("progress").select("organisation_id").where("user_id", "=", me.id).execute();
    const sessions = await t.database.db.selectFrom("auth_sessions").select("organisation_id").where("user_id", "=", me.id).execute();
    for (const row of [...logs, ...progress, ...sessions]) expect(row.organisation_id).toBe(me.organisationId);
    expect(logs.length + progress.length + sessions.length).toBeGreaterThanOrEqual(3);
  });

  it("shows programs to anyone, signed in or not", async () => {
    expect((await t.client().get("/api/programs")).body.programs.map((p: { id: string }) => p.id)).toContain(PROGRAM);
    expect((await t.client().get(`/api/programs/${PROGRAM}`)).body.id).toBe(PROGRAM);
    expect((await t.client().get("/api/programs/nope")).status).toBe(404);
  });
});
