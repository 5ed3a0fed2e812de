import { execFileSync } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.ts";
import { openDatabase } from "../../src/server/db/database.ts";
import type { Tables } from "../../src/server/db/tables.ts";
import { prepareDeps } from "../../src/server/serving.ts";
import { ApiClient, inProcess, sessionLog, type ApiResponse } from "../support/api-client.ts";
import { sameSession, serverArgsFor, spawnServer, type ServerProcess } from "../support/server-process.ts";

/*
 * A full disk on the embedded database, with no mocks: the running `limber serve` process gets a
 * file-size limit (`prlimit --pid`, soft limit only, so no privilege is needed to lift it again).
 * Node ignores SIGXFSZ, so PGlite's writes past the limit fail with EFBIG ("File too large") where a
 * full disk gives ENOSPC. Lifting the limit is space being freed: the same server process must then
 * store writes again.
 *
 * Two places can run out of room, and PGlite behaves differently in each:
 * - a table file that cannot grow: the statement fails with an ERROR and PGlite carries on;
 * - the write-ahead log: PostgreSQL PANICs and PGlite never answers again (at COMMIT it spins
 *   forever), so the server must end that instance's thread and open the folder again once there
 *   is room.
 */

const MiB = 1024 * 1024;

/** Sets the running process's file-size soft limit (the hard limit stays as it is). */
function limitFileSize(pid: number, bytes: number | "unlimited"): void {
  execFileSync("prlimit", [`--pid=${pid}`, `--fsize=${bytes}:`]);
}

/** A migrated data folder with a signed-in person, one log of theirs, and a second person for filler rows. */
interface Template {
  dir: string;
  /** Its session cookie and CSRF token, good in every copy of the folder; their logs are few, so they can be listed. */
  person: ApiClient;
  kept: ReturnType<typeof sessionLog>;
  filler: { id: string; organisationId: string };
}

/** Made once (in this process, by the same code as the server), then copied for each server. */
async function makeTemplate(): Promise<Template> {
  const dir = await mkdtemp(join(tmpdir(), "limber-full-"));
  const database = await openDatabase({ kind: "pglite", dataDir: dir });
  try {
    const app = createApp(await prepareDeps(database), { logError: () => undefined });
    const person = new ApiClient(inProcess(app));
    await person.signUp();
    const kept = sessionLog({ notes: "written before the disk filled" });
    expect((await person.post("/api/logs", kept)).status).toBe(201);
    const { account } = await new ApiClient(inProcess(app)).signUp();
    return { dir, person, kept, filler: account };
  } finally {
    await database.close();
  }
}

/** A copy of the template that `shape` writes into directly (filler rows, say) before it is closed. */
async function copyOf(template: Template, shape: (db: Kysely<Tables>) => Promise<void>): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), "limber-full-"));
  await cp(template.dir, dataDir, { recursive: true });
  const database = await openDatabase({ kind: "pglite", dataDir });
  try {
    await shape(database.db);
  } finally {
    await database.close();
  }
  return dataDir;
}

async function serveFrom(dataDir: string): Promise<ServerProcess> {
  const [args, env] = serverArgsFor({ kind: "pglite", dataDir });
  return spawnServer(args, env);
}

/** SIGTERM, then SIGKILL after 15 s: a server frozen by a regression must not outlive the test. */
async function stopOrKill(server: ServerProcess | undefined): Promise<void> {
  if (!server) return;
  const timer = setTimeout(() => server.child.kill("SIGKILL"), 15_000);
  await server.stop();
  clearTimeout(timer);
}

let template: Template;
const made: string[] = [];
beforeAll(async () => {
  template = await makeTemplate();
  made.push(template.dir);
}, 120_000);
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** Posts fresh logs with long notes until one is not acknowledged; a 500 fails at once, with the server's output. */
async function writeUntilRefused(client: ApiClient, server: ServerProcess, acknowledged: string[]) {
  for (let i = 0; i < 5000; i++) {
    const log = sessionLog({ notes: "n".repeat(1500) });
    const res = await client.post("/api/logs", log);
    if (res.status === 201) {
      acknowledged.push(log.id);
      continue;
    }
    if (res.status === 500) {
      const output = server
        .output()
        .slice(-4000)
        .replace(/\n\s+at .*/g, "");
      throw new Error(`500 instead of 503: ${output}`);
    }
    return { refused: log, res };
  }
  throw new Error("5000 logs were all stored: the file-size limit did not take effect");
}

async function listedIds(client: ApiClient): Promise<string[]> {
  const res = await client.get("/api/logs");
  expect(res.status).toBe(200);
  return res.body.logs.map((l: { id: string }) => l.id).sort();
}

const expectNoRoom = (res: ApiResponse) => {
  expect(res.status).toBe(503);
  expect(res.body.error).toBe("The server has no room to store this right now, so nothing was saved. Please try again later.");
};

describe("a server on PGlite whose table file cannot grow", () => {
  /** Above one write-ahead-log segment (16 MiB), so only the session_logs table file reaches it. */
  const LIMIT = 24 * MiB;
  let server: ServerProcess;

  beforeAll(async () => {
    const dataDir = await copyOf(template, async (db) => {
      const size = async () => Number((await sql<{ s: string }>`select pg_relation_size('session_logs') as s`.execute(db)).rows[0]!.s);
      // Filler rows of the other person, in batches, until the table file is within 1 MiB of the limit.
      for (let batch = 12_000; (await size()) < LIMIT - MiB; batch = 200) {
        await sql`insert into session_logs (id, user_id, organisation_id, program_id, program_version, started_at, ended_at, local_day, completed,
                    steps_done, steps_total, holds, practised, pain_before, pain_after, notes, received_at)
                  select gen_random_uuid(), ${template.filler.id}, ${template.filler.organisationId}, 'filler', 1, now(), now(), '2020-01-01', true,
                    1, 1, '[]', false, null, null, repeat('f', 1500), now()
                  from generate_series(1, ${batch})`.execute(db);
      }
      expect(await size()).toBeLessThan(LIMIT - 256 * 1024);
    });
    made.push(dataDir);
    server = await serveFrom(dataDir);
  }, 120_000);
  afterAll(() => stopOrKill(server), 30_000);

  it("answers 503 'no room' for a log it cannot store, keeps every acknowledged log readable, and stores again once there is room, in the same process", async () => {
    const client = sameSession(template.person, server.url);
    const acknowledged = [template.kept.id];
    limitFileSize(server.child.pid!, LIMIT);
    const { refused, res } = await writeUntilRefused(client, server, acknowledged);
    expectNoRoom(res);
    expect(res.headers.get("retry-after")).toBe("60");
    expect(acknowledged.length).toBeGreaterThan(1);

    // PGlite refused the statement and carries on: reads are served, a second try is refused the same way.
    expect((await client.get(`/api/logs/${template.kept.id}`)).body.notes).toBe("written before the disk filled");
    expect(await listedIds(client)).toEqual([...acknowledged].sort());
    expectNoRoom(await client.post("/api/logs", refused));
    expect(server.child.exitCode).toBeNull();
    expect(server.output()).not.toMatch(/PANIC|embedded database stopped/);

    limitFileSize(server.child.pid!, "unlimited");
    expect((await client.post("/api/logs", refused)).status).toBe(201);
    expect(await listedIds(client)).toEqual([...acknowledged, refused.id].sort());
    expect(server.child.exitCode).toBeNull();
  }, 60_000);
});

describe("a server on PGlite whose write-ahead log cannot be written", () => {
  let server: ServerProcess;
  /** Set a little past where the write-ahead log will be written next, below every other file's size. */
  let limit = 0;

  beforeAll(async () => {
    const dataDir = await copyOf(template, async (db) => {
      // A fresh segment, then about 4 MiB of log from a table made and dropped again, so the log is
      // written well past the end of every table file, and it is the log that meets the limit.
      await sql`select pg_switch_wal()`.execute(db);
      await sql`create table wal_padding as select repeat('p', 1000) as p from generate_series(1, 4000)`.execute(db);
      await sql`drop table wal_padding`.execute(db);
      const at = await sql<{ offset: number }>`select file_offset as offset from pg_walfile_name_offset(pg_current_wal_lsn())`.execute(db);
      const biggest = await sql<{ size: string }>`select max(pg_relation_size(oid)) as size from pg_class`.execute(db);
      limit = Math.ceil(at.rows[0]!.offset / 8192) * 8192 + 512 * 1024;
      expect(Number(biggest.rows[0]!.size)).toBeLessThan(limit - MiB);
    });
    made.push(dataDir);
    server = await serveFrom(dataDir);
  }, 120_000);
  afterAll(() => stopOrKill(server), 30_000);

  it("answers 503 instead of hanging after PGlite PANICs, stays stopped while there is no room, then reopens by itself with every acknowledged log", async () => {
    const client = sameSession(template.person, server.url);
    const acknowledged = [template.kept.id];
    limitFileSize(server.child.pid!, limit);
    const { refused, res } = await writeUntilRefused(client, server, acknowledged);
    expectNoRoom(res);
    expect(acknowledged.length).toBeGreaterThan(1);
    expect(server.output()).toMatch(/embedded database stopped \(PANIC: could not write to log file .*File too large\)/);

    // The stuck instance is gone: requests are answered at once, 503, and the process lives.
    for (const attempt of [() => client.get(`/api/logs/${template.kept.id}`), () => client.post("/api/logs", refused)]) {
      const r = await attempt();
      expect(r.status).toBe(503);
      expect(r.body.error).toMatch(/database is unavailable/);
    }
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    // Past the 5 s between checks, still without room: it does not try to open the folder yet.
    await new Promise((r) => setTimeout(r, 6000));
    expect((await client.get("/api/logs")).status).toBe(503);
    expect(server.output()).not.toMatch(/could not be reopened|was reopened/);
    expect(server.child.exitCode).toBeNull();

    limitFileSize(server.child.pid!, "unlimited");
    await expect.poll(async () => (await client.post("/api/logs", refused)).status, { timeout: 30_000, interval: 1000 }).toBe(201);
    expect(server.output()).toMatch(/embedded database was reopened/);
    expect((await client.get(`/api/logs/${template.kept.id}`)).body.notes).toBe("written before the disk filled");
    expect(await listedIds(client)).toEqual([...acknowledged, refused.id].sort());
    expect(server.child.exitCode).toBeNull();
  }, 90_000);
});
