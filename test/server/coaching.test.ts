import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, sessionLog } from "../support/api-client.ts";
import { BACKENDS, TestBackend } from "../support/backends.ts";
import { openTestApp, type TestApp } from "../support/test-app.ts";

const PROGRAM = "foot-stretches-for-lower-back-pain";
const plan = (over: Record<string, unknown> = {}) => ({
  programId: PROGRAM,
  programVersion: 1,
  schedule: { kind: "weekdays", days: ["mon", "wed", "fri"], startDate: "2026-11-02" },
  note: "Gently, and stop if it hurts.",
  ...over,
});

describe.each(BACKENDS)("coaching on %s", (name) => {
  const backend = new TestBackend(name);
  let t: TestApp;
  let coach: ApiClient;

  beforeAll(async () => {
    t = await openTestApp(backend);
    coach = t.client();
    await coach.signUp({ displayName: "Casey", role: "coach" });
    await coach.put("/api/organisation", { name: "Calm Backs", contact: "Phone 0123 456 789" });
  });
  afterAll(async () => {
    await t?.database.close();
    await backend.stop();
  });

  async function invite(): Promise<string> {
    const r = await coach.post("/api/invites", { label: "for a client" });
    expect(r.status).toBe(201);
    return r.body.code;
  }

  it("lets a client join with a code, keeping the sessions they logged before", async () => {
    const client = t.client();
    const { account } = await client.signUp({ displayName: "Dana" });
    const log = sessionLog({ notes: "before joining" });
    await client.post("/api/logs", log);
    const code = await invite();
    const joined = await client.post("/api/invites/accept", { code });
    expect(joined.status).toBe(200);
    expect(joined.body.coach).toEqual({
      practice: "Calm Backs",
      coachName: "Casey",
      email: expect.any(String),
      contact: "Phone 0123 456 789",
    });
    const me = await client.get("/api/auth/me");
    expect(me.body.account.organisationId).not.toBe(account.organisationId);
    expect((await client.get(`/api/logs/${log.id}`)).body.notes).toBe("before joining");
    const seen = await coach.get(`/api/clients/${account.id}?today=2026-11-25`);
    expect(seen.status).toBe(200);
    expect(seen.body.sessions.map((s: { id: string }) => s.id)).toEqual([log.id]);
  });

  it("accepts a code once only, typed in any case and spacing", async () => {
    const code = await invite();
    const first = t.client();
    await first.signUp();
    expect((await first.post("/api/invites/accept", { code: code.toLowerCase().replace(/-/g, " ") })).status).toBe(200);
    const second = t.client();
    await second.signUp();
    const again = await second.post("/api/invites/accept", { code });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/already used/);
  });

  it("refuses an expired code and an unknown one", async () => {
    const code = await invite();
    t.clock.advance(15 * 86_400_000);
    const late = t.client();
    await late.signUp();
    expect((await late.post("/api/invites/accept", { code })).status).toBe(410);
    expect((await late.post("/api/invites/accept", { code: "AAAA-BBBB-CCCC-DDDD-EEEE" })).status).toBe(404);
    t.clock.set("2026-11-25T09:00:00Z");
  });

  it("never stores the code itself, only its hash", async () => {
    const code = await invite();
    const rows = await t.database.db.selectFrom("invites").select("code_hash").execute();
    expect(rows.some((r) => r.code_hash.includes(code) || r.code_hash.includes(code.replace(/-/g, "")))).toBe(false);
    expect((await coach.get("/api/invites")).text).not.toContain(code);
  });

  it("lets the coach prescribe and the client read exactly that program version, overrides and note", async () => {
    const client = t.client();
    const { account } = await client.signUp({ displayName: "Eli" });
    await client.post("/api/invites/accept", { code: await invite() });
    const overrides = { "wall-calf-stretch": { calf: 45 } };
    const r = await coach.put(`/api/clients/${account.id}/prescription`, plan({ holdOverrides: overrides }));
    expect(r.status).toBe(200);
    const mine = await client.get("/api/prescription");
    expect(mine.body.prescription).toMatchObject({
      programId: PROGRAM,
      programVersion: 1,
      holdOverrides: overrides,
      note: "Gently, and stop if it hurts.",
      setBy: "coach",
    });
    expect(mine.body.program.id).toBe(PROGRAM);
    expect(mine.body.coach.coachName).toBe("Casey");
    const progress = (await client.get(`/api/progress/${PROGRAM}`)).body;
    expect(progress.exercises["wall-calf-stretch"].holds.calf).toBe(45);
    expect((await client.put("/api/prescription", plan())).status).toBe(403);
  });

  it("answers 400 with field paths for a bad schedule or overrides the program does not have, and keeps the old plan", async () => {
    const client = t.client();
    const { account } = await client.signUp();
    await client.post("/api/invites/accept", { code: await invite() });
    await coach.put(`/api/clients/${account.id}/prescription`, plan());
    const bad = await coach.put(
      `/api/clients/${account.id}/prescription`,
      plan({ schedule: { kind: "weekdays", days: [], startDate: "2026-02-30" } }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { path: string }) => p.path).sort()).toEqual(["schedule.days", "schedule.startDate"]);
    const unknown = await coach.put(`/api/clients/${account.id}/prescription`, plan({ holdOverrides: { "no-such": { calf: 30 } } }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.problems[0].path).toBe("holdOverrides.no-such");
    expect((await client.get("/api/prescription")).body.prescription.schedule.days).toEqual(["mon", "wed", "fri"]);
  });

  it("lets a client without a coach set their own plan", async () => {
    const solo = t.client();
    await solo.signUp();
    const r = await solo.put("/api/prescription", plan({ schedule: { kind: "per-week", timesPerWeek: 2, startDate: "2026-11-23" } }));
    expect(r.status).toBe(200);
    expect(r.body.prescription).toMatchObject({ setBy: "self", schedule: { kind: "per-week", timesPerWeek: 2 } });
    expect((await solo.get("/api/prescription")).body.coach).toBeNull();
  });

  it("keeps every version of a coach's program, so old logs read the version that was done", async () => {
    const builtIn = (await coach.get(`/api/programs/${PROGRAM}`)).body;
    const created = await coach.post("/api/programs", { ...builtIn, title: "Calm Backs feet" });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^foot-stretches-for-lower-back-pain-[0-9a-f]{8}$/);
    const edited = await coach.put(`/api/programs/${created.body.id}`, { ...created.body, title: "Calm Backs feet, gentler" });
    expect(edited.body.version).toBe(2);
    expect((await coach.get(`/api/programs/${created.body.id}`)).body.title).toBe("Calm Backs feet, gentler");
    const versions = await t.database.db
      .selectFrom("programs")
      .select(["version", "title"])
      .where("id", "=", created.body.id)
      .orderBy("version")
      .execute();
    expect(versions).toEqual([
      { version: 1, title: "Calm Backs feet" },
      { version: 2, title: "Calm Backs feet, gentler" },
    ]);
  });

  it("explains every problem of an invalid program with its path and stores nothing", async () => {
    const builtIn = (await coach.get(`/api/programs/${PROGRAM}`)).body;
    const broken = { ...builtIn, title: "", exercises: [{ ...builtIn.exercises[0], sides: "both", firstSide: null }] };
    const r = await coach.post("/api/programs", broken);
    expect(r.status).toBe(400);
    expect(r.body.problems.map((p: { path: string }) => p.path)).toEqual(expect.arrayContaining(["title", "exercises[0].firstSide"]));
  });

  it("shows a client's note to the coach on the dashboard until it is read", async () => {
    const client = t.client();
    const { account } = await client.signUp({ displayName: "Fay" });
    await client.post("/api/invites/accept", { code: await invite() });
    const log = sessionLog();
    await client.post("/api/logs", log);
    const sent = await client.post("/api/messages", { body: "My left calf felt tight today.", sessionLogId: log.id });
    expect(sent.status).toBe(201);
    const row = (await coach.get("/api/clients?today=2026-11-25")).body.clients.find((c: { id: string }) => c.id === account.id);
    expect(row.unreadMessages).toBe(1);
    expect(row.latestMessage.body).toBe("My left calf felt tight today.");
    await coach.post(`/api/clients/${account.id}/messages/read`);
    expect(
      (await coach.get("/api/clients?today=2026-11-25")).body.clients.find((c: { id: string }) => c.id === account.id).unreadMessages,
    ).toBe(0);
  });

  it("refuses a note pointing at someone else's session and a note from a client without a coach", async () => {
    const other = t.client();
    await other.signUp();
    const theirs = sessionLog();
    await other.post("/api/logs", theirs);
    expect((await other.post("/api/messages", { body: "hello" })).status).toBe(403);
    const client = t.client();
    await client.signUp();
    await client.post("/api/invites/accept", { code: await invite() });
    const r = await client.post("/api/messages", { body: "look", sessionLogId: theirs.id });
    expect(r.status).toBe(400);
    expect(r.body.problems[0].path).toBe("sessionLogId");
  });
});
