import { sql, type Kysely } from "kysely";
import { RATED_SESSIONS, standingWindowStart, type ClientFacts } from "../../core/client-standing.ts";
import { addDays, type CalendarDate } from "../../core/calendar-date.ts";
import { Schedule } from "../../core/schedule.ts";
import type { Tables } from "../db/tables.ts";

/** One session as the dashboard shows it: when, how many of its holds were done, and pain before and after. */
export interface SessionGlance {
  day: CalendarDate;
  painBefore: number | null;
  painAfter: number | null;
}

/** One client's row of the dashboard, aggregated in the database. */
export interface ClientRow {
  id: string;
  displayName: string;
  email: string;
  programId: string | null;
  programVersion: number | null;
  facts: ClientFacts;
  lastSession: {
    day: CalendarDate;
    startedAt: string;
    completed: boolean;
    holdsDone: number;
    /** null for a session stopped early on a device that did not say how many holds it planned. */
    holdsPlanned: number | null;
    painBefore: number | null;
    painAfter: number | null;
  } | null;
  /** The last 8 sessions, oldest first, for a sparkline of pain. */
  recentSessions: SessionGlance[];
  /** Sessions in the 7 days ending today. */
  sessionsThisWeek: number;
  /** Since the coach last looked (at most the last 28 days): sessions done and notes written. */
  newSince: { sessions: number; notes: number };
  unreadMessages: number;
  latestMessage: { body: string; author: "client" | "coach"; createdAt: string } | null;
}

interface RawRow {
  id: string;
  display_name: string;
  email: string;
  program_id: string | null;
  program_version: number | null;
  schedule: unknown;
  recent_days: string[] | null;
  last_practised_day: string | null;
  week_sessions: number | null;
  new_sessions: number | null;
  last_day: string | null;
  last_started_at: Date | null;
  last_completed: boolean | null;
  last_holds_done: number | null;
  last_holds_planned: number | null;
  last_pain_before: number | null;
  last_pain_after: number | null;
  last_rated: { day: string; painBefore: number | null; painAfter: number }[] | null;
  spark: SessionGlance[] | null;
  unread: number;
  new_notes: number;
  latest_body: string | null;
  latest_author: "client" | "coach" | null;
  latest_at: Date | null;
}

/** How many sessions the dashboard's sparkline shows. */
export const SPARK_SESSIONS = 8;

/**
 * Every client of an organisation with what the dashboard needs, in one query: each client's
 * logs are reached through the (organisation_id, user_id, local_day / started_at) indexes and
 * only a handful of values per client leave the database (28 days of practised days, the last
 * 8 sessions, the last 3 rated), however long their history. `seenAt` is the coach's last look;
 * what is new since (sessions received, notes written) is counted within the same 28 days, so an
 * old visit costs no more. With
 * `onlyClient`, the same query for that one client: the client page reads its standing here too,
 * so the dashboard and the client page can never judge a client differently.
 */
export async function dashboardRows(
  db: Kysely<Tables>,
  organisationId: string,
  today: CalendarDate,
  options: { seenAt?: Date | null; onlyClient?: string } = {},
): Promise<ClientRow[]> {
  const { seenAt = null, onlyClient } = options;
  const from = standingWindowStart(today);
  const weekFrom = addDays(today, -6);
  // Before a first look nothing counts as new.
  const since = sql`coalesce(${seenAt}::timestamptz, 'infinity'::timestamptz)`;
  const { rows } = await sql<RawRow>`
    select u.id, u.display_name, u.email, p.program_id, p.program_version, p.schedule,
      recent.days as recent_days, recent.week_sessions, recent.new_sessions,
      (select max(s.local_day) from session_logs s
       where s.organisation_id = u.organisation_id and s.user_id = u.id and s.practised) as last_practised_day,
      last.local_day as last_day, last.started_at as last_started_at, last.completed as last_completed,
      last.holds_done as last_holds_done, last.holds_planned as last_holds_planned,
      last.pain_before as last_pain_before, last.pain_after as last_pain_after,
      rated.items as last_rated, spark.items as spark,
      notes.unread, notes.new_notes, latest.body as latest_body, latest.author as latest_author, latest.created_at as latest_at
    from users u
    left join prescriptions p on p.user_id = u.id
    left join lateral (
      select array_agg(distinct s.local_day) filter (where s.practised) as days,
        count(*) filter (where s.local_day >= ${weekFrom})::int as week_sessions,
        count(*) filter (where s.received_at > ${since})::int as new_sessions
      from session_logs s
      where s.organisation_id = u.organisation_id and s.user_id = u.id and s.local_day between ${from} and ${today}
    ) recent on true
    left join lateral (
      select s.local_day, s.started_at, s.completed, s.pain_before, s.pain_after,
        (select count(*) from jsonb_array_elements(s.holds) h where not (h->>'skipped')::boolean)::int as holds_done,
        coalesce(s.holds_planned, case when s.completed then jsonb_array_length(s.holds) end) as holds_planned
      from session_logs s
      where s.organisation_id = u.organisation_id and s.user_id = u.id
      order by s.started_at desc limit 1
    ) last on true
    left join lateral (
      select json_agg(json_build_object('day', r.local_day, 'painBefore', r.pain_before, 'painAfter', r.pain_after) order by r.started_at) as items
      from (
        select s.local_day, s.started_at, s.pain_before, s.pain_after from session_logs s
        where s.organisation_id = u.organisation_id and s.user_id = u.id and s.pain_after is not null
        order by s.started_at desc limit ${RATED_SESSIONS}
      ) r
    ) rated on true
    left join lateral (
      select json_agg(json_build_object('day', r.local_day, 'painBefore', r.pain_before, 'painAfter', r.pain_after) order by r.started_at) as items
      from (
        select s.local_day, s.started_at, s.pain_before, s.pain_after from session_logs s
        where s.organisation_id = u.organisation_id and s.user_id = u.id
        order by s.started_at desc limit ${SPARK_SESSIONS}
      ) r
    ) spark on true
    left join lateral (
      select count(*) filter (where m.read_at is null)::int as unread, count(*) filter (where m.created_at > ${since})::int as new_notes
      from messages m where m.organisation_id = u.organisation_id and m.user_id = u.id and m.author = 'client'
    ) notes on true
    left join lateral (
      select m.body, m.author, m.created_at from messages m where m.organisation_id = u.organisation_id and m.user_id = u.id
      order by m.created_at desc limit 1
    ) latest on true
    where u.organisation_id = ${organisationId} and u.role = 'client'
      ${onlyClient === undefined ? sql`` : sql`and u.id = ${onlyClient}`}
  `.execute(db);
  return rows.map(rowOf);
}

function rowOf(r: RawRow): ClientRow {
  const schedule = r.schedule === null ? null : Schedule.parse(r.schedule);
  return {
    id: r.id,
    displayName: r.display_name,
    email: r.email,
    programId: r.program_id,
    programVersion: r.program_version === null ? null : Number(r.program_version),
    facts: {
      schedule,
      recentDays: [...(r.recent_days ?? [])].sort(),
      lastDay: r.last_practised_day,
      lastRated: (r.last_rated ?? []).map((x) => ({ day: x.day, painBefore: x.painBefore, painAfter: x.painAfter })),
    },
    lastSession:
      r.last_day === null
        ? null
        : {
            day: r.last_day,
            startedAt: new Date(r.last_started_at!).toISOString(),
            completed: r.last_completed!,
            holdsDone: Number(r.last_holds_done),
            holdsPlanned: r.last_holds_planned === null ? null : Number(r.last_holds_planned),
            painBefore: r.last_pain_before,
            painAfter: r.last_pain_after,
          },
    recentSessions: (r.spark ?? []).map((x) => ({ day: x.day, painBefore: x.painBefore, painAfter: x.painAfter })),
    sessionsThisWeek: Number(r.week_sessions ?? 0),
    newSince: { sessions: Number(r.new_sessions ?? 0), notes: Number(r.new_notes) },
    unreadMessages: Number(r.unread),
    latestMessage:
      r.latest_body === null ? null : { body: r.latest_body, author: r.latest_author!, createdAt: new Date(r.latest_at!).toISOString() },
  };
}

/**
 * Days practised per client over the standing window (28 days) ending today, with each client's schedule as
 * stored JSON text (clients of a practice mostly share a few schedules, so callers can work
 * each distinct one out once). Each client's days are counted by their own range of the
 * (organisation_id, user_id, local_day) index, so every client costs the same small, bounded scan
 * and the query grows with the clients alone. One scan of the whole organisation by day instead
 * (the first version) grew faster than the clients: its rows were sorted by client, a sort that
 * outgrew work_mem and spilled to disk, and once the window held a few percent of the table the
 * planner read the whole table, every organisation's history with it (EXPLAIN in BENCHMARKS.md).
 */
export async function organisationPractice(
  db: Kysely<Tables>,
  organisationId: string,
  today: CalendarDate,
): Promise<{ userId: string; days: number; schedule: string | null }[]> {
  const from = standingWindowStart(today);
  const { rows } = await sql<{ id: string; days: number; schedule: string | null }>`
    select u.id, p.schedule::text as schedule,
      (select count(distinct s.local_day) from session_logs s
       where s.organisation_id = u.organisation_id and s.user_id = u.id and s.local_day between ${from} and ${today}
         and s.practised)::int as days
    from users u
    left join prescriptions p on p.user_id = u.id
    where u.organisation_id = ${organisationId} and u.role = 'client'
  `.execute(db);
  return rows.map((r) => ({ userId: r.id, days: Number(r.days), schedule: r.schedule }));
}

/** The client with this id in the organisation, or undefined (a coach's route answers 404 like any unknown id). */
export async function clientOfOrganisation(db: Kysely<Tables>, organisationId: string, id: string) {
  return db
    .selectFrom("users")
    .select(["id", "display_name", "email", "organisation_id"])
    .where("id", "=", id)
    .where("organisation_id", "=", organisationId)
    .where("role", "=", "client")
    .executeTakeFirst();
}
