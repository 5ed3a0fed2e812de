import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.ts";
import { manualClock } from "../../src/server/clock.ts";
import { openDatabase, type DatabaseConfig } from "../../src/server/db/database.ts";
import { prepareDeps } from "../../src/server/serving.ts";
import { ApiClient, inProcess, sessionLog } from "../support/api-client.ts";
import { BACKENDS, TestBackend } from "../support/backends.ts";

const LIMBER = fileURLToPath(new URL("../../bin/limber.js", import.meta.url));

/** Runs the real CLI against one database, as an operator would. */
function limber(config: DatabaseConfig, ...args: string[]) {
  const where = config.kind === "pglite" ? ["--data", config.dataDir] : [];
  const env = { ...process.env, DATABASE_URL: config.kind === "postgres" ? config.url : "" };
  const r = spawnSync(process.execPath, [LIMBER, ...args, ...where], { env, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Every row of every table, in key order, as JSON text: equal text means identical data. */
async function snapshot(config: DatabaseConfig): Promise<Record<string, unknown[]>> {
  const database = await openDatabase(config);
  try {
    const out: Record<string, unknown[]> = {};
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_migration%'
      order by table_name`.execute(database.db);
    expect(tables.rows.length).toBeGreaterThanOrEqual(6);
    for (const { table_name: t } of tables.rows) {
      const rows = await sql<{ row: unknown }>`select to_jsonb(t) as row from ${sql.table(t)} t order by to_jsonb(t)::text`.execute(
        database.db,
      );
      out[t] = rows.rows.map((r) => r.row);
    }
    return out;
  } finally {
    await database.close();
  }
}

async function fillWithPeople(config: DatabaseConfig): Promise<void> {
  const database = await openDatabase(config);
  const app = createApp(await prepareDeps(database, manualClock("2026-11-25T09:00:00Z")));
  for (let u = 0; u < 3; u++) {
    const c = new ApiClient(inProcess(app));
    await c.signUp({ role: u === 0 ? "coach" : "client" });
    for (let i = 0; i < 4; i++) await c.post("/api/logs", sessionLog({ notes: `user ${u} session ${i}, "quoted"\nline`, painAfter: i }));
    await c.put("/api/progress/foot-stretches-for-lower-back-pain/hold", {
      exerciseId: "wall-calf-stretch",
      phaseId: "calf",
      seconds: 30 + u,
    });
    await c.put("/api/settings", { planDaysPerWeek: 4 + u });
  }
  await database.close();
}

// Each test runs the real CLI in child processes, each opening the database afresh.
describe.each(BACKENDS)("backup and restore on %s", { timeout: 120_000 }, (name) => {
  const backend = new TestBackend(name);
  let dir: string;
  let source: DatabaseConfig;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "limber-backup-"));
    source = await backend.emptyDatabase();
    await fillWithPeople(source);
  });
  afterAll(async () => {
    await backend.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("restores a backup into an empty database with identical data", async () => {
    const file = join(dir, "one.jsonl");
    const backup = limber(source, "backup", file);
    expect(backup.err).toBe("");
    expect(backup.out).toMatch(/Backed up .*: 3 organisations, 3 users, 3 auth_sessions, 1 programs, 12 session_logs, 3 progress/);
    const target = await backend.emptyDatabase();
    const restore = limber(target, "restore", file);
    expect(restore.err).toBe("");
    expect(restore.code).toBe(0);
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it("refuses to restore over a database that already holds accounts, and changes nothing", async () => {
    const file = join(dir, "two.jsonl");
    limber(source, "backup", file);
    const target = await backend.emptyDatabase();
    await fillWithPeople(target);
    const before = await snapshot(target);
    const refused = limber(target, "restore", file);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/the database is not empty .* pass --force .* Nothing was changed\./s);
    expect(await snapshot(target)).toEqual(before);
  });

  it("replaces everything with --force", async () => {
    const file = join(dir, "three.jsonl");
    limber(source, "backup", file);
    const target = await backend.emptyDatabase();
    await fillWithPeople(target);
    expect(limber(target, "restore", file, "--force").code).toBe(0);
    expect(await snapshot(target)).toEqual(await snapshot(source));
  });

  it("refuses a file that is not a Limber backup with a clear message", async () => {
    const target = await backend.emptyDatabase();
    const notBackup = join(dir, "not-a-backup.txt");
    await import("node:fs/promises").then((fs) => fs.writeFile(notBackup, "hello\n"));
    const r = limber(target, "restore", notBackup);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not JSON: this is not a Limber backup/);
    const missing = limber(target, "restore", join(dir, "missing.jsonl"));
    expect(missing.err).toMatch(/does not exist/);
  });

  it("writes the backup readable only by its owner", async () => {
    const file = join(dir, "private.jsonl");
    limber(source, "backup", file);
    const { mode } = await import("node:fs/promises").then((fs) => fs.stat(file));
    expect(mode & 0o077).toBe(0);
    expect((await readFile(file, "utf8")).split("\n")[0]).toMatch(/^\{"format":"limber-backup","version":1/);
  });
});
