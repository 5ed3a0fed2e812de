import { sql, type Kysely } from "kysely";
import type { Clock } from "../clock.ts";
import type { Tables } from "./tables.ts";

/** How often the server looks for tables to vacuum or analyse. */
export const UPKEEP_EVERY_MS = 10 * 60_000;
/** How often every table is vacuumed and analysed whatever the statistics say (they are lost in a crash). */
export const SWEEP_EVERY_MS = 24 * 60 * 60_000;

/** What PostgreSQL counts about one table since its last vacuum and analyse. */
export interface TableActivity {
  table: string;
  liveRows: number;
  deadRows: number;
  changedSinceAnalyze: number;
}

/** What one round does to one table: VACUUM (with ANALYZE) or ANALYZE alone. */
export interface TableUpkeep {
  table: string;
  vacuum: boolean;
  analyze: boolean;
}

/**
 * Which tables need upkeep, by PostgreSQL's own autovacuum rules and defaults: vacuum when dead rows
 * pass 50 plus a fifth of the live ones, analyse when changed rows pass 50 plus a tenth. A sweep
 * takes every table.
 */
export function upkeepPlan(activity: readonly TableActivity[], sweep: boolean): TableUpkeep[] {
  return activity
    .map((t) => {
      const vacuum = sweep || t.deadRows > 50 + 0.2 * t.liveRows;
      const analyze = sweep || vacuum || t.changedSinceAnalyze > 50 + 0.1 * t.liveRows;
      return { table: t.table, vacuum, analyze };
    })
    .filter((t) => t.analyze)
    .sort((a, b) => a.table.localeCompare(b.table));
}

/** The current schema's tables and what was done to them since their last upkeep. */
async function tableActivity(db: Kysely<Tables>): Promise<TableActivity[]> {
  // PGlite's one backend sends its counts to the statistics only now and then; this sends them now.
  await sql`select pg_stat_force_next_flush()`.execute(db);
  const { rows } = await sql<{ table: string; live: string; dead: string; changed: string }>`
    select relname as table, n_live_tup as live, n_dead_tup as dead, n_mod_since_analyze as changed
    from pg_stat_user_tables where schemaname = current_schema()`.execute(db);
  return rows.map((r) => ({ table: r.table, liveRows: Number(r.live), deadRows: Number(r.dead), changedSinceAnalyze: Number(r.changed) }));
}

/**
 * One round of upkeep: each table that needs it is vacuumed or analysed by a statement of its own,
 * so requests waiting for PGlite's single connection go between two tables, never behind the whole
 * database. Answers what it did.
 */
export async function upkeepRound(db: Kysely<Tables>, { sweep = false }: { sweep?: boolean } = {}): Promise<TableUpkeep[]> {
  const plan = upkeepPlan(await tableActivity(db), sweep);
  for (const t of plan) {
    if (t.vacuum) await sql`vacuum (analyze) ${sql.table(t.table)}`.execute(db);
    else await sql`analyze ${sql.table(t.table)}`.execute(db);
  }
  return plan;
}

/** Calls `run` every `everyMs` until the answered function is called; setInterval unless a test gives its own. */
export type Repeat = (run: () => Promise<void>, everyMs: number) => () => void;

const intervalRepeat: Repeat = (run, everyMs) => {
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
};

export interface UpkeepSchedule {
  clock: Clock;
  everyMs?: number;
  sweepEveryMs?: number;
  repeat?: Repeat;
  onError?: (e: unknown) => void;
}

/**
 * PGlite has no autovacuum (it is one backend, with no launcher or workers beside it), so dead rows
 * left by updates and deletes (progress, sessions, the mail queue, rate-limit attempts) would never
 * be reclaimed and the planner's statistics would never be refreshed. This does what autovacuum
 * would, on a timer and in the background: every `everyMs` the tables that need it, and once every
 * `sweepEveryMs` by `clock` (the first round after a start included) all of them. A round still running
 * when the next is due is not doubled. Answers the function that stops it, which waits for a round under way.
 */
export function scheduleUpkeep(
  db: Kysely<Tables>,
  { clock, everyMs = UPKEEP_EVERY_MS, sweepEveryMs = SWEEP_EVERY_MS, repeat = intervalRepeat, onError = reportOnce() }: UpkeepSchedule,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let lastSweep: number | null = null;
  const round = async () => {
    const now = clock.now().getTime();
    const sweep = lastSweep === null || now - lastSweep >= sweepEveryMs;
    await upkeepRound(db, { sweep });
    if (sweep) lastSweep = now;
  };
  const stop = repeat(async () => {
    if (running) return;
    running = round()
      .catch(onError)
      .finally(() => (running = null));
    await running;
  }, everyMs);
  return async () => {
    stop();
    await running;
  };
}

/** A failed round (the database stopped, say) is worth one line in the log, not one every ten minutes. */
function reportOnce(): (e: unknown) => void {
  let told = false;
  return (e) => {
    if (told) return;
    told = true;
    console.error("limber: scheduled vacuum and analyse failed (further failures are not reported):", e instanceof Error ? e.message : e);
  };
}
