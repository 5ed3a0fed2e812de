import { sql, type Kysely } from "kysely";
import { addDays, type CalendarDate } from "../../src/core/calendar-date.ts";
import { RATED_SESSIONS, standingWindowStart } from "../../src/core/client-standing.ts";
import { Schedule } from "../../src/core/schedule.ts";
import type { Tables } from "../../src/server/db/tables.ts";
import { SPARK_SESSIONS, type ClientRow, type PracticeGroup, type SessionGlance } from "../../src/server/store/dashboard.ts";

/**
 * The dashboard worked out from session_logs alone, as it was before the summaries of migration
 * 0013 (commit 3ad26b1, with issue 11's practised days). Kept as the reference the summaries are
 * tested against (test/server/practice-summaries.test.ts) and as the same-run baseline of
 * bench/dashboard.ts. Nothing in the server calls it.
 */

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

/**
 * The dashboard's query before the summaries (migration 0013): every value worked out from the
 * client's session logs at each request. Same answer as dashboardRows, by another road.
 */
export async function dashboardRowsFromLogs(
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

/** organisationPractice before the summaries: a range of the (organisation_id, user_id, local_day) index per client. */
export async function organisationPracticeFromLogs(
  db: Kysely<Tables>,
  organisationId: string,
  today: CalendarDate,
): Promise<{ userId: string; days: number; schedule: string | null }[]> {
  const { rows } = await organisationPracticeFromLogsQuery(organisationId, today).execute(db);
  return rows.map((r) => ({ userId: r.id, days: Number(r.days), schedule: r.schedule }));
}

export function organisationPracticeFromLogsQuery(organisationId: string, today: CalendarDate) {
  const from = standingWindowStart(today);
  return sql<{ id: string; days: number; schedule: string | null }>`
    select u.id, p.schedule::text as schedule,
      (select count(distinct s.local_day) from session_logs s
       where s.organisation_id = u.organisation_id and s.user_id = u.id and s.local_day between ${from} and ${today}
         and s.practised)::int as days
    from users u
    left join prescriptions p on p.user_id = u.id
    where u.organisation_id = ${organisationId} and u.role = 'client'
  `;
}

/** Per-client rows counted into organisationPractice's groups (clients per schedule and days), in one order. */
export function practiceGroupsOf(rows: { days: number; schedule: string | null }[]): PracticeGroup[] {
  const groups = new Map<string, PracticeGroup>();
  for (const r of rows) {
    const key = JSON.stringify([r.schedule, r.days]);
    const g = groups.get(key);
    if (g) g.clients++;
    else groups.set(key, { schedule: r.schedule, days: r.days, clients: 1 });
  }
  return sortedGroups([...groups.values()]);
}

/** Groups in one order: by schedule, then days. */
export function sortedGroups(groups: PracticeGroup[]): PracticeGroup[] {
  return [...groups].sort((a, b) => (a.schedule ?? "").localeCompare(b.schedule ?? "") || a.days - b.days);
}
