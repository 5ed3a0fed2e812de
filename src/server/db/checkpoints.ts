import { sql, type Kysely } from "kysely";
import type { Tables } from "./tables.ts";

/** As often as PostgreSQL's own checkpointer by default (checkpoint_timeout). */
export const CHECKPOINT_EVERY_MS = 5 * 60_000;

/**
 * PGlite is a single backend with no checkpointer process beside it, so it checkpoints only when its
 * write-ahead log passes max_wal_size (1 GB) or when it closes. Until then every restart after a crash
 * replays the whole log, and the log's files are not recycled. A CHECKPOINT every few minutes keeps
 * both small, as a PostgreSQL server does by itself. Answers the function that stops it.
 */
export function scheduleCheckpoints(
  db: Kysely<Tables>,
  everyMs = CHECKPOINT_EVERY_MS,
  onError: (e: unknown) => void = reportOnce(),
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sql`checkpoint`
      .execute(db)
      .catch(onError)
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** A failed checkpoint (the database stopped, say) is worth one line in the log, not one every 5 minutes. */
function reportOnce(): (e: unknown) => void {
  let told = false;
  return (e) => {
    if (told) return;
    told = true;
    console.error("limber: a scheduled checkpoint failed (further failures are not reported):", e instanceof Error ? e.message : e);
  };
}
