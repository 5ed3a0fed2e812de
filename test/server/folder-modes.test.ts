import { mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/server/server.ts";
import { ApiClient, overHttp, sessionLog } from "../support/api-client.ts";

/** Every file and folder under `dir` that someone other than its owner could read, write or enter, with its mode. */
async function openToOthers(dir: string): Promise<string[]> {
  const open: string[] = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const path of [dir, ...entries.map((e) => join(e.parentPath, e.name))]) {
    const mode = (await stat(path).catch(() => undefined))?.mode;
    if (mode !== undefined && (mode & 0o077) !== 0) open.push(`${relative(dir, path) || "."} ${(mode & 0o777).toString(8)}`);
  }
  return open;
}

/** How many files are under `dir`, so an empty listing above means something. */
async function filesIn(dir: string): Promise<number> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
}

// An operator whose umask lets everyone read (000): nothing in the folder may follow it. PGlite sets
// the modes of its files itself (0666 from initdb, 0644 for pg_internal.init, whatever the umask).
describe("a PGlite data folder under a umask of 000", () => {
  let root: string;
  let dataDir: string;
  let server: RunningServer | undefined;
  let umask: number;
  const start = () => startServer({ database: { kind: "pglite", dataDir }, host: "127.0.0.1", port: 0, mailEnv: {}, log: () => undefined });

  beforeAll(async () => {
    umask = process.umask(0o000);
    root = await mkdtemp(join(tmpdir(), "limber-modes-"));
    dataDir = join(root, "data");
    // Made beforehand, open to all, as a mounted volume might be.
    await mkdir(dataDir, { mode: 0o777 });
  });
  afterAll(async () => {
    await server?.close();
    process.umask(umask);
    await rm(root, { recursive: true, force: true });
  });

  /** A person's writes through the real HTTP API: a sign-up (and its check mail into the outbox) and logs. */
  async function somethingWritten(url: string) {
    const person = new ApiClient(overHttp, url);
    await person.signUp();
    for (let i = 0; i < 5; i++) expect((await person.post("/api/logs", sessionLog())).status).toBe(201);
    await person.post("/api/auth/reset/request", { email: "nobody@example.org" });
  }

  it("makes the folder and every file its owner's alone, and keeps them so while the server writes, switches to a new WAL segment, checkpoints and vacuums", async () => {
    server = await start();
    expect(await openToOthers(dataDir)).toEqual([]);
    await somethingWritten(server.url);
    await server.mail.drain();
    const db = server.database.db;
    await sql`select pg_switch_wal()`.execute(db);
    await sql`checkpoint`.execute(db);
    await sql`vacuum`.execute(db);
    await sql`select pg_switch_wal()`.execute(db);
    await sql`checkpoint`.execute(db);
    expect(await openToOthers(dataDir)).toEqual([]);
    expect(await filesIn(join(dataDir, "pg_wal"))).toBeGreaterThanOrEqual(2);
    expect(await filesIn(join(dataDir, "outbox"))).toBe(1);
  }, 120_000);

  it("keeps them so once closed (PGlite's shutdown checkpoint)", async () => {
    await server!.close();
    server = undefined;
    expect(await openToOthers(dataDir)).toEqual([]);
  }, 60_000);

  it("keeps them so after a restart and more writes, and closed again", async () => {
    server = await start();
    await somethingWritten(server.url);
    await sql`checkpoint`.execute(server.database.db);
    expect(await openToOthers(dataDir)).toEqual([]);
    await server.close();
    server = undefined;
    expect(await openToOthers(dataDir)).toEqual([]);
    expect(await filesIn(dataDir)).toBeGreaterThan(900);
  }, 120_000);
});
