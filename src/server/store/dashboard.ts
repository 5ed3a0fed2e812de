import { sql, type Kysely } from "kysely";
import { standingWindowStart, type ClientFacts } from "../../core/client-standing.ts";
import { addDays, type CalendarDate } from "../../core/calendar-date.ts";
import { Schedule } from "../../core/schedule.ts";
import type { Tables } from "../db/tables.ts";
import {
  monthJoin,
  monthsOfWindow,
  practisedBitsIn,
  practisedDates,
  practisedDaysIn,
  sessionsArrivedIn,
  sessionsIn,
  sliceOf,
  type MonthSlice,
} from "./practice-months.ts";

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
  /** Since the coach last looked: sessions done (of those in the last 28 days) and notes written (all of them). */
  newSince: { sessions: number; notes: number };
  unreadMessages: number;
  latestMessage: { body: string; author: "client" | "coach"; createdAt: string } | null;
}

/** A session as client_summaries keeps it for the sparkline and the pain flags (migration 0013). */
type PainOfDay = [day: CalendarDate, painBefore: number | null, painAfter: number | null];

interface RawRow {
  id: string;
  display_name: string;
  email: string;
  program_id: string | null;
  program_version: number | null;
  schedule: string | null;
  last_practised_day: string | null;
  last_day: string | null;
  /** Timestamps come as JSON text with their offset. */
  last_started_at: string | null;
  last_completed: boolean | null;
  last_holds_done: number | null;
  last_holds_planned: number | null;
  last_pain_before: number | null;
  last_pain_after: number | null;
  /** The latest 8 sessions, oldest first. */
  spark: PainOfDay[] | null;
  /** The latest 3 rated, oldest first. */
  rated: PainOfDay[] | null;
  /** Practised-day bits inside the window, of its first month and (when it has two) its last. */
  bits_1: number;
  bits_2: number;
  week_sessions: number | null;
  new_sessions: number | null;
  unread: number;
  new_notes: number;
  latest_body: string | null;
  latest_author: "client" | "coach" | null;
  latest_at: string | null;
}

/** How many sessions the dashboard's sparkline shows (client_summaries keeps this many). */
export const SPARK_SESSIONS = 8;

/**
 * Every client of an organisation with what the dashboard needs, in one query that reads no
 * session log: per client one client_summaries row (the latest session, the latest 8 and the
 * latest 3 rated, the last practised day) and the at most two practice_months rows the 28-day
 * window touches, found by key, both kept by triggers on session_logs (migration 0013). So a
 * client costs the same however long their history. `seenAt` is the coach's last look; what is
 * new since is counted: sessions received within the same 28 days, and every note written since, however
 * long ago the last look was (so that count grows with the notes written since then). With `onlyClient`,
 * the same query for that one client: the client page reads its standing here too, so the
 * dashboard and the client page can never judge a client differently.
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
  const months = monthsOfWindow(from, today);
  const [one, two] = months;
  const inWeek = (slice: MonthSlice | undefined) => slice && sliceOf(slice.month, weekFrom, today);
  const arrived = (m: string, slice: MonthSlice | undefined) => (seenAt === null ? sql`0` : sessionsArrivedIn(m, slice, seenAt));
  // Before a first look nothing counts as new.
  const since = sql`coalesce(${seenAt}::timestamptz, 'infinity'::timestamptz)`;
  // The rows leave as one JSON text, parsed here once: PGlite's thread would otherwise decode some 25
  // values for each client from its wire protocol and copy every row object across to this thread.
  const { rows } = await sql<{ rows: string | null }>`
    select json_agg(q)::text as rows from (
    select u.id, u.display_name, u.email, p.program_id, p.program_version, p.schedule::text as schedule,
      cs.last_practised_day, cs.last_day, cs.last_started_at, cs.last_completed, cs.last_holds_done, cs.last_holds_planned,
      cs.last_pain_before, cs.last_pain_after, cs.spark, cs.rated,
      ${practisedBitsIn("m1", one)} as bits_1, ${practisedBitsIn("m2", two)} as bits_2,
      (${sessionsIn("m1", inWeek(one))} + ${sessionsIn("m2", inWeek(two))})::int as week_sessions,
      (${arrived("m1", one)} + ${arrived("m2", two)})::int as new_sessions,
      unread.unread, notes.new_notes, latest.body as latest_body, latest.author as latest_author, latest.created_at as latest_at
    from users u
    -- Each client's plan and summary found by key ("offset 0" keeps the planner from making these
    -- joins a scan of every practice's rows, hashed, which costs more in PGlite than 500 lookups).
    left join lateral (select p.program_id, p.program_version, p.schedule from prescriptions p where p.user_id = u.id offset 0) p on true
    left join lateral (
      select cs.* from client_summaries cs where cs.user_id = u.id and cs.organisation_id = u.organisation_id offset 0
    ) cs on true
    ${monthJoin("m1", one)}
    ${monthJoin("m2", two)}
    left join lateral (
      -- Only the unread ones, from their own index (migration 0014), however long the conversation.
      select count(*)::int as unread from messages m
      where m.organisation_id = u.organisation_id and m.user_id = u.id and m.author = 'client' and m.read_at is null
    ) unread on true
    left join lateral (
      select count(*)::int as new_notes from messages m
      where m.organisation_id = u.organisation_id and m.user_id = u.id and m.author = 'client' and m.created_at > ${since}
    ) notes on true
    left join lateral (
      select m.body, m.author, m.created_at from messages m where m.organisation_id = u.organisation_id and m.user_id = u.id
      order by m.created_at desc limit 1
    ) latest on true
    where u.organisation_id = ${organisationId} and u.role = 'client'
      ${onlyClient === undefined ? sql`` : sql`and u.id = ${onlyClient}`}
    ) q
  `.execute(db);
  // Clients of a practice mostly share a few schedules: each distinct one is checked once.
  const schedules = new Map<string, Schedule>();
  const scheduleOf = (text: string) => {
    let s = schedules.get(text);
    if (s === undefined) schedules.set(text, (s = Schedule.parse(JSON.parse(text))));
    return s;
  };
  const raw: RawRow[] = rows[0]?.rows ? JSON.parse(rows[0].rows) : [];
  return raw.map((r) => rowOf(r, r.schedule === null ? null : scheduleOf(r.schedule), months));
}

function rowOf(r: RawRow, schedule: Schedule | null, months: MonthSlice[]): ClientRow {
  const spark = r.spark ?? [];
  const rated = r.rated ?? [];
  const recentDays = practisedDates(months[0]!.month, Number(r.bits_1));
  if (months[1]) practisedDates(months[1].month, Number(r.bits_2), recentDays);
  return {
    id: r.id,
    displayName: r.display_name,
    email: r.email,
    programId: r.program_id,
    programVersion: r.program_version === null ? null : Number(r.program_version),
    facts: {
      schedule,
      recentDays,
      lastDay: r.last_practised_day,
      lastRated: rated.map(([day, painBefore, painAfter]) => ({ day, painBefore, painAfter: painAfter! })),
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
    recentSessions: spark.map(([day, painBefore, painAfter]) => ({ day, painBefore, painAfter })),
    sessionsThisWeek: Number(r.week_sessions ?? 0),
    newSince: { sessions: Number(r.new_sessions ?? 0), notes: Number(r.new_notes) },
    unreadMessages: Number(r.unread),
    latestMessage:
      r.latest_body === null ? null : { body: r.latest_body, author: r.latest_author!, createdAt: new Date(r.latest_at!).toISOString() },
  };
}

/** How many clients of an organisation share one schedule (as stored JSON text, null for no plan) and one count of days practised. */
export interface PracticeGroup {
  schedule: string | null;
  days: number;
  clients: number;
}

/**
 * Days practised over the standing window (28 days) ending today, for every client of an
 * organisation, answered as how many clients share each schedule and count of days (clients of a
 * practice mostly share a few schedules, so callers work each distinct one out once and a few dozen
 * rows leave the database, not one per client). Each client's days are the bits of the at most two
 * months the window touches, read from practice_days (migration 0014) through its index on
 * (organisation_id, month, user_id), which carries the bits: the organisation's own range of it,
 * so the query grows with the organisation's clients alone.
 */
export async function organisationPractice(db: Kysely<Tables>, organisationId: string, today: CalendarDate): Promise<PracticeGroup[]> {
  const { rows } = await organisationPracticeQuery(organisationId, today).execute(db);
  return rows.map((r) => ({ schedule: r.schedule, days: Number(r.days), clients: Number(r.clients) }));
}

/** The query organisationPractice sends (bench/dashboard.ts explains it). */
export function organisationPracticeQuery(organisationId: string, today: CalendarDate) {
  const [one, two] = monthsOfWindow(standingWindowStart(today), today);
  return sql<{ schedule: string | null; days: number; clients: number }>`
    select p.schedule::text as schedule, (${practisedDaysIn("d1", one)} + ${practisedDaysIn("d2", two)})::int as days, count(*)::int as clients
    from users u
    left join prescriptions p on p.user_id = u.id
    ${monthJoin("d1", one, "practice_days")}
    ${monthJoin("d2", two, "practice_days")}
    where u.organisation_id = ${organisationId} and u.role = 'client'
    group by 1, 2
  `;
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
