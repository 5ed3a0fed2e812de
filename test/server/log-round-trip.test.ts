import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.ts";
import { manualClock } from "../../src/server/clock.ts";
import { openDatabase, type Database } from "../../src/server/db/database.ts";
import { prepareDeps } from "../../src/server/serving.ts";
import { ApiClient, inProcess, sessionLog } from "../support/api-client.ts";
import { BACKENDS, TestBackend, type BackendName } from "../support/backends.ts";

const PROGRAM = "foot-stretches-for-lower-back-pain";

/** A server on one database, with every statement it sends written down. */
async function serverOn(database: Database, sent: string[]) {
  const clock = manualClock("2026-11-25T09:00:00Z");
  const deps = await prepareDeps(database, clock);
  const errors: unknown[] = [];
  const app = createApp(deps, { logError: (e) => errors.push(e) });
  return { app, clock, errors, sent, client: () => new ApiClient(inProcess(app)) };
}

async function openServer(backend: TestBackend) {
  const sent: string[] = [];
  const database = await openDatabase(await backend.emptyDatabase(), { log: (e) => void sent.push(e.query.sql) });
  return { database, ...(await serverOn(database, sent)) };
}

/** A client who signed up and whose first log went in, so this server knows their session and progress. */
async function practising(server: Awaited<ReturnType<typeof openServer>>) {
  const c = server.client();
  await c.signUp();
  expect((await c.post("/api/logs", sessionLog())).status).toBe(201);
  return c;
}

const statementsOf = async (server: { sent: string[] }, f: () => Promise<unknown>) => {
  server.sent.length = 0;
  await f();
  return [...server.sent];
};

describe.each(BACKENDS)("a log in one round trip on %s", (name: BackendName) => {
  const backend = new TestBackend(name);
  let server: Awaited<ReturnType<typeof openServer>>;
  beforeAll(async () => {
    server = await openServer(backend);
  });
  afterAll(async () => {
    await server?.database.close();
    await backend.stop();
  });

  it("records a signed-in client's later log in one statement, their session checked in it, and moves progress once", async () => {
    const c = await practising(server);
    const log = sessionLog();
    const statements = await statementsOf(server, () => c.post("/api/logs", log));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/join auth_sessions s on s\.id = i\.token_hash/);
    expect((await c.get(`/api/logs/${log.id}`)).status).toBe(200);
    expect((await c.get(`/api/progress/${PROGRAM}`)).body.sessionsProgressed).toBe(2);
  });

  it("answers a re-sent log 200 and stores it once, and refuses another client's log id with 409", async () => {
    const alice = await practising(server);
    const bob = await practising(server);
    const log = sessionLog({ notes: "alice's" });
    expect((await alice.post("/api/logs", log)).status).toBe(201);
    const again = await alice.post("/api/logs", log);
    expect([again.status, again.body]).toEqual([200, { id: log.id, stored: false }]);
    expect((await bob.post("/api/logs", { ...log, notes: "bob's" })).status).toBe(409);
    expect((await alice.get(`/api/logs/${log.id}`)).body.notes).toBe("alice's");
    expect((await alice.get(`/api/progress/${PROGRAM}`)).body.sessionsProgressed).toBe(2);
    expect((await bob.get(`/api/progress/${PROGRAM}`)).body.sessionsProgressed).toBe(1);
  });

  it("counts a log sent eight times at once exactly once", async () => {
    const c = await practising(server);
    const log = sessionLog();
    const results = await Promise.all(Array.from({ length: 8 }, () => c.post("/api/logs", log)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect((await c.get("/api/logs")).body.logs).toHaveLength(2);
    expect((await c.get(`/api/progress/${PROGRAM}`)).body.sessionsProgressed).toBe(2);
  });

  it("refuses a log with 401 as soon as its session is signed out, and stores nothing", async () => {
    const c = await practising(server);
    const { cookie, csrfToken } = c;
    expect((await c.post("/api/auth/sign-out")).status).toBe(204);
    const log = sessionLog();
    const res = await c.post("/api/logs", log, { cookie: cookie!, "x-csrf-token": csrfToken! });
    expect(res.status).toBe(401);
    expect(await storedLogs(log.id)).toBe(0);
  });

  it("refuses a log with 401 from a session a password change ended, and stores nothing", async () => {
    const phone = await practising(server);
    // A second device signs in and logs; then the phone changes the password, which ends the other session.
    const email = (await phone.get("/api/auth/me")).body.account.email;
    const signedIn = server.client();
    expect((await signedIn.post("/api/auth/sign-in", { email, password: "correct horse battery" })).status).toBe(200);
    expect((await signedIn.post("/api/logs", sessionLog())).status).toBe(201);
    expect(
      (await phone.post("/api/auth/password", { currentPassword: "correct horse battery", newPassword: "a brand new password" })).status,
    ).toBe(200);
    const log = sessionLog();
    expect((await signedIn.post("/api/logs", log)).status).toBe(401);
    expect(await storedLogs(log.id)).toBe(0);
    expect((await phone.post("/api/logs", sessionLog())).status).toBe(201);
  });

  it("refuses a log with 401 once the account is deleted, and stores nothing", async () => {
    const c = await practising(server);
    const { cookie, csrfToken } = c;
    expect((await c.delete("/api/account", { password: "correct horse battery" })).status).toBe(204);
    const log = sessionLog();
    expect((await c.post("/api/logs", log, { cookie: cookie!, "x-csrf-token": csrfToken! })).status).toBe(401);
    expect(await storedLogs(log.id)).toBe(0);
  });

  it("refuses a log with 401 once the session is 30 days old by the injected clock, and stores nothing", async () => {
    const c = await practising(server);
    server.clock.advance(31 * 24 * 3600_000);
    const log = sessionLog();
    expect((await c.post("/api/logs", log)).status).toBe(401);
    expect(await storedLogs(log.id)).toBe(0);
  });

  it("refuses a log carrying another session's CSRF token with 403, and stores nothing", async () => {
    const alice = await practising(server);
    const bob = await practising(server);
    const log = sessionLog();
    const res = await alice.post("/api/logs", log, { "x-csrf-token": bob.csrfToken! });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatch(/x-csrf-token header does not match your session/);
    expect(await storedLogs(log.id)).toBe(0);
  });

  it("refuses a log from another site's page, or without the CSRF header, with 403, and stores nothing", async () => {
    const c = await practising(server);
    const fromElsewhere = sessionLog();
    const foreign = await c.post("/api/logs", fromElsewhere, { origin: "https://elsewhere.example" });
    expect([foreign.status, foreign.body.error]).toEqual([403, expect.stringMatching(/came from another site/)]);
    const bare = sessionLog();
    const res = await server.app.request("/api/logs", {
      method: "POST",
      headers: { cookie: c.cookie!, "content-type": "application/json" },
      body: JSON.stringify(bare),
    });
    expect(res.status).toBe(403);
    expect(await storedLogs(fromElsewhere.id)).toBe(0);
    expect(await storedLogs(bare.id)).toBe(0);
  });

  it("answers 400 naming the field for a bad log from a known session, and keeps what was saved before", async () => {
    const c = await practising(server);
    const res = await c.post("/api/logs", { ...sessionLog(), painAfter: 11 });
    expect(res.status).toBe(400);
    expect(res.body.problems.map((p: { path: string }) => p.path)).toEqual(["painAfter"]);
    expect((await c.get("/api/logs")).body.logs).toHaveLength(1);
  });

  it("never answered a request with a server error", () => {
    expect(server.errors).toEqual([]);
  });

  async function storedLogs(id: string): Promise<number> {
    const rows = await server.database.db.selectFrom("session_logs").select("id").where("id", "=", id).execute();
    return rows.length;
  }
});

describe("two server processes on one PostgreSQL", () => {
  const backend = new TestBackend("postgres");
  let a: Awaited<ReturnType<typeof serverOn>> & { database: Database };
  let b: Awaited<ReturnType<typeof serverOn>> & { database: Database };
  beforeAll(async () => {
    const config = await backend.emptyDatabase();
    const one = await openDatabase(config);
    a = { database: one, ...(await serverOn(one, [])) };
    const two = await openDatabase(config);
    b = { database: two, ...(await serverOn(two, [])) };
  });
  afterAll(async () => {
    await a?.database.close();
    await b?.database.close();
    await backend.stop();
  });

  it("refuses on one a log from a session signed out through the other, and stores nothing", async () => {
    const onA = a.client();
    await onA.signUp();
    expect((await onA.post("/api/logs", sessionLog())).status).toBe(201);
    expect((await onA.post("/api/logs", sessionLog())).status).toBe(201);
    const onB = new ApiClient(inProcess(b.app));
    onB.cookie = onA.cookie;
    onB.csrfToken = onA.csrfToken;
    expect((await onB.post("/api/auth/sign-out")).status).toBe(204);
    const log = sessionLog();
    expect((await onA.post("/api/logs", log)).status).toBe(401);
    expect(await a.database.db.selectFrom("session_logs").select("id").where("id", "=", log.id).execute()).toEqual([]);
  });

  it("moves progress once per log when both take one client's logs", async () => {
    const onA = a.client();
    await onA.signUp();
    expect((await onA.post("/api/logs", sessionLog())).status).toBe(201);
    const onB = new ApiClient(inProcess(b.app));
    onB.cookie = onA.cookie;
    onB.csrfToken = onA.csrfToken;
    expect((await onB.post("/api/logs", sessionLog())).status).toBe(201);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? onA : onB).post("/api/logs", sessionLog())));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect((await onA.get(`/api/progress/${PROGRAM}`)).body.sessionsProgressed).toBe(8);
  });
});
