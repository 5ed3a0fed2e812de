import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../clock.ts";
import { openDatabase, type Database } from "./database.ts";
import { scheduleUpkeep, upkeepPlan, upkeepRound, type Repeat } from "./upkeep.ts";

describe("which tables need upkeep (PostgreSQL's autovacuum rules)", () => {
  const table = (name: string, liveRows: number, deadRows: number, changedSinceAnalyze: number) => ({
    table: name,
    liveRows,
    deadRows,
    changedSinceAnalyze,
  });

  it("vacuums and analyses a table once its dead rows pass 50 plus a fifth of the live ones", () => {
    expect(upkeepPlan([table("progress", 1000, 250, 0), table("users", 1000, 251, 0)], false)).toEqual([
      { table: "users", vacuum: true, analyze: true },
    ]);
  });

  it("analyses alone a table whose changes pass 50 plus a tenth of its rows but left few dead", () => {
    expect(upkeepPlan([table("session_logs", 2000, 0, 251), table("messages", 2000, 0, 250)], false)).toEqual([
      { table: "session_logs", vacuum: false, analyze: true },
    ]);
  });

  it("leaves an unchanged table alone, and takes every table in a sweep, in name order", () => {
    expect(upkeepPlan([table("users", 10, 0, 0), table("organisations", 3, 0, 0)], false)).toEqual([]);
    expect(upkeepPlan([table("users", 10, 0, 0), table("organisations", 3, 0, 0)], true)).toEqual([
      { table: "organisations", vacuum: true, analyze: true },
      { table: "users", vacuum: true, analyze: true },
    ]);
  });
});

describe("upkeep on PGlite", () => {
  let dir: string;
  let database: Database;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "limber-upkeep-"));
    database = await openDatabase({ kind: "pglite", dataDir: join(dir, "data") });
  });
  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  const stats = async (table: string) =>
    (
      await sql<{ dead: string; vacuums: string; analyses: string }>`
        select n_dead_tup as dead, vacuum_count as vacuums, analyze_count as analyses
        from pg_stat_user_tables where relname = ${table}`.execute(database.db)
    ).rows[0]!;

  /** 200 organisations, each renamed twice: 400 dead rows. */
  const churn = async () => {
    await sql`insert into organisations (id, name, kind, created_at) select gen_random_uuid(), 'a', 'personal', now() from generate_series(1, 200)`.execute(
      database.db,
    );
    await sql`update organisations set name = 'b'`.execute(database.db);
    await sql`update organisations set name = 'c'`.execute(database.db);
  };

  it("vacuums the table whose updates left dead rows, and only that one", async () => {
    await upkeepRound(database.db, { sweep: true });
    await churn();
    const before = await stats("organisations");
    expect(await upkeepRound(database.db)).toEqual([{ table: "organisations", vacuum: true, analyze: true }]);
    const after = await stats("organisations");
    expect(Number(after.dead)).toBe(0);
    expect(Number(after.vacuums)).toBe(Number(before.vacuums) + 1);
    expect(Number(after.analyses)).toBe(Number(before.analyses) + 1);
    expect(await upkeepRound(database.db)).toEqual([]);
  });

  it("runs on its schedule: a sweep of every table first and again a day later by the clock, the tables in need between", async () => {
    const clock = manualClock("2026-12-01T00:00:00Z");
    let tick: () => Promise<void> = async () => undefined;
    let stopped = false;
    const repeat: Repeat = (run, everyMs) => {
      expect(everyMs).toBe(600_000);
      tick = run;
      return () => (stopped = true);
    };
    const tables = async () => (await sql<{ n: string }>`select count(*) as n from pg_stat_user_tables`.execute(database.db)).rows[0]!.n;
    const vacuumsOf = async () =>
      (await sql<{ n: string }>`select sum(vacuum_count) as n from pg_stat_user_tables`.execute(database.db)).rows[0]!.n;
    const errors: unknown[] = [];
    const stop = scheduleUpkeep(database.db, { clock, repeat, onError: (e) => errors.push(e) });

    let vacuums = Number(await vacuumsOf());
    const vacuumed = async () => {
      const now = Number(await vacuumsOf());
      const n = now - vacuums;
      vacuums = now;
      return n;
    };
    await tick();
    expect(await vacuumed()).toBe(Number(await tables()));
    clock.advance(600_000);
    await churn();
    await tick();
    expect(await vacuumed()).toBe(1);
    clock.advance(24 * 60 * 60_000 - 600_000);
    await tick();
    expect(await vacuumed()).toBe(Number(await tables()));
    await stop();
    expect(stopped).toBe(true);
    expect(errors).toEqual([]);
  });

  it("does not start a second round while one is under way", async () => {
    let tick: () => Promise<void> = async () => undefined;
    const stop = scheduleUpkeep(database.db, {
      clock: manualClock("2026-12-01T00:00:00Z"),
      repeat: (run) => ((tick = run), () => undefined),
    });
    const total = async () =>
      Number((await sql<{ n: string }>`select sum(vacuum_count) as n from pg_stat_user_tables`.execute(database.db)).rows[0]!.n);
    const tables = Number((await sql<{ n: string }>`select count(*) as n from pg_stat_user_tables`.execute(database.db)).rows[0]!.n);
    const before = await total();
    await Promise.all([tick(), tick()]);
    await stop();
    expect((await total()) - before).toBe(tables);
  });

  it("hands a failed round to onError and tries again at the next one", async () => {
    let tick: () => Promise<void> = async () => undefined;
    const errors: unknown[] = [];
    // Not a database at all: every query fails, as when the embedded database has stopped.
    const broken = {} as unknown as typeof database.db;
    const stop = scheduleUpkeep(broken, {
      clock: manualClock("2026-12-01T00:00:00Z"),
      repeat: (run) => ((tick = run), () => undefined),
      onError: (e) => errors.push(e),
    });
    await tick();
    await tick();
    await stop();
    expect(errors).toHaveLength(2);
  });
});
