import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/server/db/database.ts";
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

/** How many connections the database has open now, other than the one asking. */
async function backendCount(serverUrl: string, database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const r = await admin.query("select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [
      database,
    ]);
    return r.rows[0].n;
  } finally {
    await admin.end();
  }
}

describe("a connection cut while the server holds it between statements", () => {
  let postgres: ThrowawayPostgres;
  beforeAll(async () => {
    postgres = await startPostgres();
  });
  afterAll(async () => {
    await postgres?.stop();
  });

  // A background job's transaction waits on something else (a mail being written, say) with its
  // connection checked out and idle. Cut there, the driver reports the loss on the connection
  // itself; unheard, that report would end the whole process.
  it("fails that transaction with the driver's words and leaves the process and the pool working", async () => {
    const name = `held_${Date.now()}`;
    const database = await openDatabase({ kind: "postgres", url: await createEmptyDatabase(postgres.url, name) });
    try {
      const cut = database.db.transaction().execute(async (trx) => {
        await sql`select 1`.execute(trx);
        expect(await terminateBackends(postgres.url, name)).toBeGreaterThan(0);
        await expect.poll(() => backendCount(postgres.url, name)).toBe(0);
        // Give the socket's end a turn of the event loop to arrive while no statement runs.
        await new Promise((r) => setTimeout(r, 200));
        await sql`select 1`.execute(trx);
      });
      await expect(cut).rejects.toThrow("Client has encountered a connection error and is not queryable");
      const again = await sql<{ n: number }>`select 2 as n`.execute(database.db);
      expect(again.rows).toEqual([{ n: 2 }]);
    } finally {
      await database.close();
    }
  });
});

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
