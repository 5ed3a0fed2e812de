import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { scheduleCheckpoints } from "./checkpoints.ts";
import { openDatabase, type Database } from "./database.ts";

describe("scheduled checkpoints on PGlite", () => {
  let dir: string;
  let database: Database;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "limber-checkpoint-"));
    database = await openDatabase({ kind: "pglite", dataDir: join(dir, "data") });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  const redo = async () =>
    (await sql<{ redo_lsn: string }>`select redo_lsn::text from pg_control_checkpoint()`.execute(database.db)).rows[0]!.redo_lsn;

  it("moves the checkpoint forward at each interval once there were writes, and stops when told", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const stop = scheduleCheckpoints(database.db, 60_000);
    await sql`insert into organisations (id, name, kind, created_at) values (gen_random_uuid(), 'written', 'personal', now())`.execute(
      database.db,
    );
    const before = await redo();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(await redo()).toBe(before);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect.poll(redo).not.toBe(before);

    stop();
    const stopped = await redo();
    await sql`insert into organisations (id, name, kind, created_at) values (gen_random_uuid(), 'after stop', 'personal', now())`.execute(
      database.db,
    );
    await vi.advanceTimersByTimeAsync(120_000);
    expect(await redo()).toBe(stopped);
  });

  it("hands each failed checkpoint to onError and keeps trying at every interval", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const errors: unknown[] = [];
    // Not a database at all: every query fails, as when the embedded database has stopped.
    const broken = {} as unknown as typeof database.db;
    const stop = scheduleCheckpoints(broken, 1_000, (e) => errors.push(e));
    await vi.advanceTimersByTimeAsync(3_000);
    stop();
    expect(errors.length).toBe(3);
  });
});
