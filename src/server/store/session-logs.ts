import type { Kysely } from "kysely";
import { advanceProgress, initialProgress } from "../../core/progress.ts";
import type { Program } from "../../core/program.ts";
import type { SessionLog } from "../../core/session-log.ts";
import type { SessionLogRow, Tables } from "../db/tables.ts";
import { knownProgressOf } from "./known-progress.ts";
import { insertLogOnly, progressOrStart, recordIfProgressIs, type SessionToCheck } from "./log-recording.ts";
import type { Owner } from "./progress.ts";

/** What happened to a posted log: newly kept, already kept for this user, or an id another user owns. */
export type RecordOutcome = "stored" | "duplicate" | "conflict";

/**
 * Recording attempts before giving up. Each attempt that fails does so because another request
 * moved the same progress in between, so this is only reached by a bug, never by load.
 */
const ATTEMPTS = 50;

/**
 * Keeps one session log exactly once and, when it is new and its program is known, moves the
 * user's progress on by it in the same statement: a retried sync changes nothing. With the user's
 * progress known from their last log this is one round trip; otherwise it is read first (one more).
 * One user's logs are recorded one after another by this server (several at once would all expect
 * the same progress, and all but one would have to try again).
 */
export async function recordSessionLog(
  db: Kysely<Tables>,
  owner: Owner,
  log: SessionLog,
  program: Program | undefined,
  now: Date,
): Promise<RecordOutcome> {
  if (!program) return (await insertLogOnly(db, owner, log, now)) ? "stored" : await outcomeOfTaken(db, owner, log);
  const known = knownProgressOf(db);
  return known.inTurn(owner.userId, program.id, () => recordWithProgress(db, owner, log, program, now));
}

async function recordWithProgress(db: Kysely<Tables>, owner: Owner, log: SessionLog, program: Program, now: Date): Promise<RecordOutcome> {
  const known = knownProgressOf(db);
  let expected = known.get(owner.userId, program.id) ?? (await progressOrStart(db, owner, initialProgress(program), now));
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const next = advanceProgress(program, expected, log);
    const result = await recordIfProgressIs(db, owner, log, expected, next, now);
    if (result.inserted) {
      known.set(owner.userId, program.id, next);
      return "stored";
    }
    if (result.current === null) {
      expected = await progressOrStart(db, owner, initialProgress(program), now);
    } else if (!result.unchanged) {
      expected = result.current;
    } else {
      known.set(owner.userId, program.id, result.current);
      return outcomeOfTaken(db, owner, log);
    }
  }
  throw new Error(`session log ${log.id}: progress kept changing under ${ATTEMPTS} attempts to record it`);
}

/**
 * The same, in one round trip with the request's session check (`recordIfProgressIs` given the
 * session): only when this server already knows the user's progress in the program. Answers null
 * when it wrote nothing and the request should go the usual way (session looked up first): the
 * session is not live with that CSRF token (the usual way then answers 401 or 403), the progress
 * is not known here, or it moved since (another process, a hold set by hand).
 */
export async function recordSessionLogInSession(
  db: Kysely<Tables>,
  session: SessionToCheck,
  log: SessionLog,
  program: Program,
  now: Date,
): Promise<RecordOutcome | null> {
  const known = knownProgressOf(db);
  return known.inTurn(session.userId, program.id, async () => {
    const expected = known.get(session.userId, program.id);
    if (!expected) return null;
    const next = advanceProgress(program, expected, log);
    const result = await recordIfProgressIs(db, session, log, expected, next, now);
    if (!result.allowed) return null;
    if (!result.unchanged) {
      if (result.current) known.set(session.userId, program.id, result.current);
      return null;
    }
    if (result.inserted) {
      known.set(session.userId, program.id, next);
      return "stored";
    }
    return outcomeOfTaken(db, { userId: session.userId }, log);
  });
}

/** A log whose id is already kept: a retry by its owner, or another user's id. */
async function outcomeOfTaken(db: Kysely<Tables>, owner: Pick<Owner, "userId">, log: SessionLog): Promise<RecordOutcome> {
  const existing = await db.selectFrom("session_logs").select("user_id").where("id", "=", log.id).executeTakeFirst();
  return existing?.user_id === owner.userId ? "duplicate" : "conflict";
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
    ...(row.holds_planned === null ? {} : { holdsPlanned: row.holds_planned }),
    painBefore: row.pain_before,
    painAfter: row.pain_after,
    notes: row.notes,
    localDay: row.local_day,
    receivedAt: new Date(row.received_at).toISOString(),
  };
}

/**
 * One user's logs, oldest first, optionally limited to local days from..to inclusive. The user's
 * organisation is named too, so a range of days is a range of the (organisation_id, user_id,
 * local_day) index, not the user's whole history.
 */
export async function listSessionLogs(
  db: Kysely<Tables>,
  userId: string,
  range: { from?: string; to?: string } = {},
): Promise<StoredSessionLog[]> {
  let q = db.selectFrom("session_logs").selectAll().where("user_id", "=", userId).where("organisation_id", "=", organisationOf(db, userId));
  if (range.from) q = q.where("local_day", ">=", range.from);
  if (range.to) q = q.where("local_day", "<=", range.to);
  const rows = await q.orderBy("started_at").orderBy("id").execute();
  return rows.map(storedLogOf);
}

/** The organisation a user's rows carry, as a subquery. */
export function organisationOf(db: Kysely<Tables>, userId: string) {
  return db.selectFrom("users").select("organisation_id").where("id", "=", userId);
}

/** One log, only when it belongs to this user. */
export async function findSessionLog(db: Kysely<Tables>, userId: string, id: string): Promise<StoredSessionLog | undefined> {
  const row = await db.selectFrom("session_logs").selectAll().where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  return row ? storedLogOf(row) : undefined;
}
