import type { Kysely } from "kysely";
import { advanceProgress } from "../../core/progress.ts";
import type { Program } from "../../core/program.ts";
import type { SessionLog } from "../../core/session-log.ts";
import type { SessionLogRow, Tables } from "../db/tables.ts";
import { readProgressForUpdate, writeProgress, type Owner } from "./progress.ts";

/** What happened to a posted log: newly kept, already kept for this user, or an id another user owns. */
export type RecordOutcome = "stored" | "duplicate" | "conflict";

/**
 * Keeps one session log exactly once and, when it is new and its program is known, moves the
 * user's progress on by it in the same transaction: a retried sync changes nothing.
 */
export async function recordSessionLog(
  db: Kysely<Tables>,
  owner: Owner,
  log: SessionLog,
  program: Program | undefined,
  now: Date,
): Promise<RecordOutcome> {
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto("session_logs")
      .values({
        id: log.id,
        user_id: owner.userId,
        organisation_id: owner.organisationId,
        program_id: log.programId,
        program_version: log.programVersion,
        started_at: log.startedAt,
        ended_at: log.endedAt,
        local_day: log.startedAt.slice(0, 10),
        completed: log.completed,
        steps_done: log.stepsDone,
        steps_total: log.stepsTotal,
        holds: JSON.stringify(log.holds),
        pain_before: log.painBefore,
        pain_after: log.painAfter,
        notes: log.notes,
        received_at: now,
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) {
      const existing = await tx.selectFrom("session_logs").select("user_id").where("id", "=", log.id).executeTakeFirst();
      return existing?.user_id === owner.userId ? "duplicate" : "conflict";
    }
    if (program) {
      const current = await readProgressForUpdate(tx, owner, program, now);
      await writeProgress(tx, owner, advanceProgress(program, current, log), now);
    }
    return "stored";
  });
}

/** A stored log as the API shows it: the SessionLog the device sent, plus when it arrived. */
export interface StoredSessionLog extends SessionLog {
  localDay: string;
  receivedAt: string;
}

export function storedLogOf(row: SessionLogRow): StoredSessionLog {
  return {
    id: row.id,
    programId: row.program_id,
    programVersion: row.program_version,
    startedAt: new Date(row.started_at).toISOString(),
    endedAt: new Date(row.ended_at).toISOString(),
    completed: row.completed,
    stepsDone: row.steps_done,
    stepsTotal: row.steps_total,
    holds: row.holds as SessionLog["holds"],
    painBefore: row.pain_before,
    painAfter: row.pain_after,
    notes: row.notes,
    localDay: row.local_day,
    receivedAt: new Date(row.received_at).toISOString(),
  };
}

/** One user's logs, oldest first, optionally limited to local days from..to inclusive. */
export async function listSessionLogs(db: Kysely<Tables>, userId: string, range: { from?: string; to?: string } = {}): Promise<StoredSessionLog[]> {
  let q = db.selectFrom("session_logs").selectAll().where("user_id", "=", userId);
  if (range.from) q = q.where("local_day", ">=", range.from);
  if (range.to) q = q.where("local_day", "<=", range.to);
  const rows = await q.orderBy("started_at").orderBy("id").execute();
  return rows.map(storedLogOf);
}

/** One log, only when it belongs to this user. */
export async function findSessionLog(db: Kysely<Tables>, userId: string, id: string): Promise<StoredSessionLog | undefined> {
  const row = await db.selectFrom("session_logs").selectAll().where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  return row ? storedLogOf(row) : undefined;
}
