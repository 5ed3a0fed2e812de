import { sql, type Kysely } from "kysely";
import type { ProgressState } from "../../core/progress.ts";
import type { SessionLog } from "../../core/session-log.ts";
import { heldAnyHold } from "../../core/session-summary.ts";
import { prepared } from "../db/prepared.ts";
import type { Tables } from "../db/tables.ts";
import type { Owner } from "./progress.ts";

/** What one conditional recording did: whether progress held what was expected, whether the log went in, and the progress it found (null: no row). */
export interface ConditionalRecord {
  /** False only when a session was to be checked and it is not live with that CSRF token: nothing was read or written. */
  allowed: boolean;
  unchanged: boolean;
  inserted: boolean;
  current: ProgressState | null;
}

/**
 * A request's session for the statement to check itself, instead of a lookup before it: the user the
 * server believes it belongs to (`auth/session-owners.ts`), its token's hash, and the SHA-256 (hex) of
 * the CSRF header sent with it.
 */
export interface SessionToCheck {
  userId: string;
  tokenHash: string;
  csrfHash: string;
}

/**
 * Keeps a log and moves progress from `expected` to `next` in one statement, so a log costs one
 * round trip (one message to PGlite's thread). Nothing is written unless the progress row, locked
 * for the statement, still holds `expected`; the log is then inserted unless its id is already
 * kept, and progress moves only when the log went in. So a retried or concurrent duplicate finds
 * either another state (and writes nothing) or the id taken (and moves nothing): exactly once.
 *
 * Given a session to check, the same statement first finds that session live (unexpired, this
 * user's, this CSRF token: compared as hashes, so no timing tells how much of it matched) and takes
 * the user's organisation from their row; without it nothing is read or written (`allowed` false).
 * The session lookup and the log are then one round trip together.
 */
export async function recordIfProgressIs(
  db: Kysely<Tables>,
  who: Owner | SessionToCheck,
  log: SessionLog,
  expected: ProgressState,
  next: ProgressState,
  now: Date,
): Promise<ConditionalRecord> {
  const allowed =
    "tokenHash" in who
      ? sql`select u.organisation_id from auth_sessions s join users u on u.id = s.user_id
          where s.id = ${who.tokenHash} and s.user_id = ${who.userId} and s.expires_at > ${now}
            and encode(sha256(convert_to(s.csrf_token, 'UTF8')), 'hex') = ${who.csrfHash}`
      : sql`select ${who.organisationId}::uuid as organisation_id`;
  const { rows } = await sql<{ allowed: number; unchanged: number; inserted: number; current: ProgressState | null }>`${prepared}
    with allowed as (
      ${allowed}
    ), cur as (
      select state from progress where user_id = ${who.userId} and program_id = ${log.programId} and exists (select 1 from allowed) for update
    ), unchanged as (
      select 1 from cur where state = ${JSON.stringify(expected)}::jsonb
    ), kept as (
      insert into session_logs (id, user_id, organisation_id, program_id, program_version, started_at, ended_at, local_day,
        completed, steps_done, steps_total, holds, holds_planned, practised, pain_before, pain_after, notes, received_at)
      select ${log.id}::uuid, ${who.userId}::uuid, (select organisation_id from allowed), ${log.programId}::text, ${log.programVersion}::int,
        ${log.startedAt}::timestamptz, ${log.endedAt}::timestamptz, ${log.startedAt.slice(0, 10)}::text, ${log.completed}::boolean,
        ${log.stepsDone}::int, ${log.stepsTotal}::int, ${JSON.stringify(log.holds)}::jsonb, ${log.holdsPlanned ?? null}::int,
        ${heldAnyHold(log.holds)}::boolean, ${log.painBefore}::smallint,
        ${log.painAfter}::smallint, ${log.notes}::text, ${now}::timestamptz
      where exists (select 1 from unchanged)
      on conflict (id) do nothing
      returning id
    ), moved as (
      update progress set state = ${JSON.stringify(next)}::jsonb, updated_at = ${now}::timestamptz
      where user_id = ${who.userId} and program_id = ${log.programId} and exists (select 1 from kept)
      returning 1
    )
    select (select count(*) from allowed)::int as allowed, (select count(*) from unchanged)::int as unchanged,
      (select count(*) from kept)::int as inserted, (select state from cur) as current
  `.execute(db);
  const row = rows[0]!;
  return {
    allowed: Number(row.allowed) === 1,
    unchanged: Number(row.unchanged) === 1,
    inserted: Number(row.inserted) === 1,
    current: row.current,
  };
}

/** Keeps a log that moves no progress (its program is unknown here) in one statement; false when the id was taken. */
export async function insertLogOnly(db: Kysely<Tables>, owner: Owner, log: SessionLog, now: Date): Promise<boolean> {
  const inserted = await db
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
      holds_planned: log.holdsPlanned ?? null,
      practised: heldAnyHold(log.holds),
      pain_before: log.painBefore,
      pain_after: log.painAfter,
      notes: log.notes,
      received_at: now,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .returning("id")
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * A user's progress in a program, making its row (at `initial`) when there is none, in one
 * statement. When another request makes the row at the same instant this sees none and answers
 * `initial`: callers treat the answer as a guess that `recordIfProgressIs` checks.
 */
export async function progressOrStart(db: Kysely<Tables>, owner: Owner, initial: ProgressState, now: Date): Promise<ProgressState> {
  const { rows } = await sql<{ state: ProgressState }>`
    with made as (
      insert into progress (user_id, program_id, organisation_id, state, updated_at)
      values (${owner.userId}, ${initial.programId}, ${owner.organisationId}, ${JSON.stringify(initial)}::jsonb, ${now})
      on conflict (user_id, program_id) do nothing
      returning state
    )
    select state from made
    union all
    select state from progress where user_id = ${owner.userId} and program_id = ${initial.programId}
  `.execute(db);
  return rows[0]?.state ?? initial;
}
