import { sql, type Kysely } from "kysely";
import { addDays, type CalendarDate } from "../src/core/calendar-date.ts";
import type { Tables } from "../src/server/db/tables.ts";

/**
 * The dashboard's query as it stood at the start of issue 13 (commit e197bb9), kept here only as the
 * baseline bench/dashboard.ts measures the new one beside: days practised in 28 days, the last
 * session, the last three rated sessions, unread notes and the latest one, per client. It has no
 * sparkline, weekly series, holds done or what is new.
 */
export async function todaysDashboardRows(db: Kysely<Tables>, organisationId: string, today: CalendarDate): Promise<number> {
  const from = addDays(today, -27);
  const { rows } = await sql`
    select u.id, u.display_name, u.email, p.program_id, p.program_version, p.schedule,
      recent.days as recent_days,
      last.local_day as last_day, last.started_at as last_started_at, last.completed as last_completed,
      last.pain_before as last_pain_before, last.pain_after as last_pain_after,
      rated.items as last_rated,
      unread.n as unread, latest.body as latest_body, latest.created_at as latest_at
    from users u
    left join prescriptions p on p.user_id = u.id
    left join lateral (
      select array_agg(distinct s.local_day) as days from session_logs s
      where s.organisation_id = u.organisation_id and s.user_id = u.id and s.local_day between ${from} and ${today}
    ) recent on true
    left join lateral (
      select s.local_day, s.started_at, s.completed, s.pain_before, s.pain_after from session_logs s
      where s.organisation_id = u.organisation_id and s.user_id = u.id
      order by s.started_at desc limit 1
    ) last on true
    left join lateral (
      select json_agg(json_build_object('day', r.local_day, 'painBefore', r.pain_before, 'painAfter', r.pain_after) order by r.started_at) as items
      from (
        select s.local_day, s.started_at, s.pain_before, s.pain_after from session_logs s
        where s.organisation_id = u.organisation_id and s.user_id = u.id and s.pain_after is not null
        order by s.started_at desc limit 3
      ) r
    ) rated on true
    left join lateral (
      select count(*)::int as n from messages m where m.organisation_id = u.organisation_id and m.user_id = u.id and m.read_at is null
    ) unread on true
    left join lateral (
      select m.body, m.created_at from messages m where m.organisation_id = u.organisation_id and m.user_id = u.id
      order by m.created_at desc limit 1
    ) latest on true
    where u.organisation_id = ${organisationId} and u.role = 'client'
  `.execute(db);
  return rows.length;
}
