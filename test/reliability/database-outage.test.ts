import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, overHttp, sessionLog } from "../support/api-client.ts";
import { createEmptyDatabase, startPostgres, type ThrowawayPostgres } from "../support/postgres.ts";
import { spawnServer, type ServerProcess } from "../support/server-process.ts";

/** Ends every connection other clients hold to the database, as a failover or an admin would. */
async function terminateBackends(serverUrl: string, database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const r = await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [
      database,
    ]);
    return r.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

describe("a server on PostgreSQL when the database goes away", () => {
  let postgres: ThrowawayPostgres;
  let server: ServerProcess;
  let dbName: string;
  let alice: ApiClient;
  const kept = sessionLog({ notes: "written before the outage" });

  beforeAll(async () => {
    postgres = await startPostgres();
    dbName = `outage_${Date.now()}`;
    server = await spawnServer([], { DATABASE_URL: await createEmptyDatabase(postgres.url, dbName) });
    alice = new ApiClient(overHttp, server.url);
    await alice.signUp();
    expect((await alice.post("/api/logs", kept)).status).toBe(201);
  });
  afterAll(async () => {
    await server?.stop();
    await postgres?.stop();
  });

  it("keeps serving after every database connection is terminated, without a restart", async () => {
    expect(await terminateBackends(postgres.url, dbName)).toBeGreaterThan(0);
    // Requests right after may meet a connection that died while idle; none may crash the server.
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) answers.push((await alice.get("/api/logs")).status);
    expect(
      answers.every((s) => s === 200 || s === 503),
      answers.join(","),
    ).toBe(true);
    expect(server.child.exitCode).toBeNull();
    await expect.poll(async () => (await alice.get("/api/logs")).status, { timeout: 10_000 }).toBe(200);
    expect((await alice.get(`/api/logs/${kept.id}`)).body.notes).toBe("written before the outage");
  });

  it("answers 503 with a message while PostgreSQL is down, and recovers by itself when it is back", async () => {
    await postgres.halt();
    try {
      const write = await alice.post("/api/logs", sessionLog());
      expect(write.status).toBe(503);
      expect(write.body.error).toMatch(/database is unavailable/);
      const read = await alice.get("/api/logs");
      expect(read.status).toBe(503);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      expect(server.child.exitCode).toBeNull();
    } finally {
      await postgres.resume();
    }
    // A day after the kept log, so the oldest-first listing has one right order.
    const after = sessionLog({
      notes: "written after the outage",
      startedAt: "2026-11-21T08:00:00+01:00",
      endedAt: "2026-11-21T08:12:00+01:00",
    });
    await expect.poll(async () => (await alice.post("/api/logs", after)).status, { timeout: 15_000 }).toBeOneOf([200, 201]);
    const ids = (await alice.get("/api/logs")).body.logs.map((l: { id: string }) => l.id);
    expect(ids).toEqual([kept.id, after.id]);
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toMatch(/Unhandled|uncaught/i);
  });
});
