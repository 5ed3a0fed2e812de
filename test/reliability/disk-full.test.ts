import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, overHttp, sessionLog } from "../support/api-client.ts";
import { createEmptyDatabase, startPostgres, type ThrowawayPostgres } from "../support/postgres.ts";
import { spawnServer, type ServerProcess } from "../support/server-process.ts";

/** Bigger than a WAL segment (16 MiB), so only the session_logs table file reaches it. */
const LIMIT = 24 * 1024 * 1024;

describe("a server on PostgreSQL whose disk fills up", () => {
  let postgres: ThrowawayPostgres;
  let server: ServerProcess;
  let url: string;
  let person: ApiClient;
  const kept = sessionLog({ notes: "written before the disk filled" });

  beforeAll(async () => {
    postgres = await startPostgres();
    url = await createEmptyDatabase(postgres.url, `full_${Date.now()}`);
    server = await spawnServer([], { DATABASE_URL: url });
    person = new ApiClient(overHttp, server.url);
    const { account } = await person.signUp();
    expect((await person.post("/api/logs", kept)).status).toBe(201);
    // Fill the session_logs table file to just under the limit with one statement, not many requests.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const one = (await admin.query("select organisation_id from users where id = $1", [account.id])).rows[0].organisation_id;
    await admin.query(
      `insert into session_logs (id, user_id, organisation_id, program_id, program_version, started_at, ended_at, local_day, completed,
         steps_done, steps_total, holds, practised, pain_before, pain_after, notes, received_at)
       select gen_random_uuid(), $1, $2, 'filler', 1, now(), now(), '2020-01-01', true, 1, 1, '[]', false, null, null, repeat('f', 1500), now()
       from generate_series(1, 11600)`,
      [account.id, one],
    );
    const size = Number((await admin.query("select pg_relation_size('session_logs') as s")).rows[0].s);
    expect(size).toBeLessThan(LIMIT);
    expect(size).toBeGreaterThan(LIMIT - 4 * 1024 * 1024);
    await admin.end();
    await postgres.halt();
    await postgres.resume({ fileSizeLimit: LIMIT });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await postgres?.stop();
  });

  it("answers 503 with a message when a write cannot be stored, keeps serving reads, and takes writes again once there is room, without a restart", async () => {
    let status = 0;
    let body: { error?: string } = {};
    for (let i = 0; i < 3000 && status !== 503; i++) {
      const res = await person.post("/api/logs", sessionLog({ notes: "n".repeat(1500) }));
      if (res.status === 500)
        throw new Error(
          `500 instead of 503: ${server
            .output()
            .slice(-4000)
            .replace(/\n\s+at .*/g, "")}`,
        );
      if (res.status !== 201) [status, body] = [res.status, res.body];
    }
    expect(status).toBe(503);
    expect(body.error).toMatch(/no room|disk|unavailable/i);
    expect((await person.get(`/api/logs/${kept.id}`)).body.notes).toBe("written before the disk filled");
    expect(server.child.exitCode).toBeNull();

    // Room again (the limit gone, as when space was freed): the same server process stores writes.
    await postgres.halt();
    await postgres.resume();
    const after = sessionLog({ notes: "after" });
    await expect.poll(async () => (await person.post("/api/logs", after)).status, { timeout: 15_000 }).toBeOneOf([200, 201]);
    expect((await person.get(`/api/logs/${after.id}`)).body.notes).toBe("after");
  }, 120_000);
});
