import { sql, type Kysely } from "kysely";
import type { ProgressState } from "../../core/progress.ts";
import type { SessionLog } from "../../core/session-log.ts";
import { heldAnyHold } from "../../core/session-summary.ts";
import { Batches } from "../db/batches.ts";
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

/** One log for `recordIfProgressIs`: whose it is (or the session to check), the log, and the progress step it makes. */
interface RecordRequest {
  who: Owner | SessionToCheck;
  log: SessionLog;
  expected: ProgressState;
  next: ProgressState;
  now: Date;
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
 *
 * Logs that arrive while the database is busy with earlier ones go to it together, in one statement
 * (`db/batches.ts`, `recordAll`), each with its own checks and its own answer.
 */
export function recordIfProgressIs(
  db: Kysely<Tables>,
  who: Owner | SessionToCheck,
  log: SessionLog,
  expected: ProgressState,
  next: ProgressState,
  now: Date,
): Promise<ConditionalRecord> {
  let batches = perDatabase.get(db);
  if (!batches) perDatabase.set(db, (batches = new Batches((requests) => recordAll(db, requests))));
  return batches.submit({ who, log, expected, next, now });
}

const perDatabase = new WeakMap<Kysely<Tables>, Batches<RecordRequest, ConditionalRecord>>();

/**
 * Every request's log and progress step in one statement: the requests go in as one JSON array of
 * rows (`n` is a request's place), and each answers for itself. One batch never holds two logs of
 * one user and program (`KnownProgress.inTurn` runs those one after another); two users may send the
 * same log id, and then the first in the batch keeps it, as if it had come first. Progress rows are
 * locked in key order, the order every batch takes them in.
 */
async function recordAll(db: Kysely<Tables>, requests: readonly RecordRequest[]): Promise<ConditionalRecord[]> {
  const rows = requests.map(({ who, log, expected, next, now }, n) => ({
    n,
    user_id: who.userId,
    token_hash: "tokenHash" in who ? who.tokenHash : null,
    csrf_hash: "tokenHash" in who ? who.csrfHash : null,
    organisation_id: "tokenHash" in who ? null : who.organisationId,
    ...logColumns(log),
    received_at: now.toISOString(),
    expected,
    next,
  }));
  const { rows: answers } = await sql<{
    allowed: boolean;
    unchanged: boolean;
    inserted: boolean;
    current: ProgressState | null;
  }>`${prepared}
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(n int, user_id uuid, token_hash text, csrf_hash text,
        organisation_id uuid, id uuid, program_id text, program_version int, started_at timestamptz, ended_at timestamptz,
        local_day text, completed boolean, steps_done int, steps_total int, holds jsonb, holds_planned int, practised boolean,
        pain_before smallint, pain_after smallint, notes text, received_at timestamptz, expected jsonb, next jsonb)
    ), allowed as (
      select i.n, i.organisation_id from input i where i.token_hash is null
      union all
      select i.n, u.organisation_id from input i
        join auth_sessions s on s.id = i.token_hash and s.user_id = i.user_id and s.expires_at > i.received_at
          and encode(sha256(convert_to(s.csrf_token, 'UTF8')), 'hex') = i.csrf_hash
        join users u on u.id = s.user_id
    ), cur as (
      select i.n, p.state from progress p join input i on p.user_id = i.user_id and p.program_id = i.program_id
      where i.n in (select n from allowed)
      order by p.user_id, p.program_id
      for update of p
    ), unchanged as (
      select c.n from cur c join input i on i.n = c.n where c.state = i.expected
    ), kept as (
      insert into session_logs (id, user_id, organisation_id, program_id, program_version, started_at, ended_at, local_day,
        completed, steps_done, steps_total, holds, holds_planned, practised, pain_before, pain_after, notes, received_at)
      select i.id, i.user_id, a.organisation_id, i.program_id, i.program_version, i.started_at, i.ended_at, i.local_day,
        i.completed, i.steps_done, i.steps_total, i.holds, i.holds_planned, i.practised, i.pain_before, i.pain_after, i.notes, i.received_at
      from input i join allowed a on a.n = i.n
      where i.n in (select n from unchanged)
      order by i.n
      on conflict (id) do nothing
      returning id, user_id
    ), moved as (
      update progress p set state = i.next, updated_at = i.received_at
      from input i join kept k on k.id = i.id and k.user_id = i.user_id
      where p.user_id = i.user_id and p.program_id = i.program_id
      returning 1
    )
    select i.n in (select n from allowed) as allowed, i.n in (select n from unchanged) as unchanged,
      exists (select 1 from kept k where k.id = i.id and k.user_id = i.user_id) as inserted,
      case when i.n in (select n from unchanged) then null else (select c.state from cur c where c.n = i.n) end as current
    from input i order by i.n
  `.execute(db);
  // Progress that held what was expected is that: the statement sends it back only when it differs.
  return answers.map((row, n) => ({
    allowed: row.allowed,
    unchanged: row.unchanged,
    inserted: row.inserted,
    current: row.unchanged ? requests[n]!.expected : row.current,
  }));
}

/** A log's own columns of session_logs: what the device sent, its local day and whether it was practised. */
function logColumns(log: SessionLog) {
  return {
    id: log.id,
    program_id: log.programId,
    program_version: log.programVersion,
    started_at: log.startedAt,
    ended_at: log.endedAt,
    local_day: log.startedAt.slice(0, 10),
    completed: log.completed,
    steps_done: log.stepsDone,
    steps_total: log.stepsTotal,
    holds: log.holds,
    holds_planned: log.holdsPlanned ?? null,
    practised: heldAnyHold(log.holds),
    pain_before: log.painBefore,
    pain_after: log.painAfter,
    notes: log.notes,
  };
}

/** Keeps a log that moves no progress (its program is unknown here) in one statement; false when the id was taken. */
export async function insertLogOnly(db: Kysely<Tables>, owner: Owner, log: SessionLog, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto("session_logs")
    .values({
      ...logColumns(log),
      holds: JSON.stringify(log.holds),
      user_id: owner.userId,
      organisation_id: owner.organisationId,
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
