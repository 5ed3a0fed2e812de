import { sql, type Kysely } from "kysely";

/**
 * What the coach's dashboard reads instead of every session log: per client, the latest session, the
 * latest 8 and the latest 3 rated (pain before and after) and the last practised day (client_summaries); per client and calendar month,
 * the practised days as bits, each session's day of the month (sorted) and its arrival time with its
 * day (sorted by arrival), so counts over days or since a moment are binary searches (practice_months).
 * A 28-day window touches at most two months, so the dashboard and the organisation-wide count read
 * a handful of narrow rows per client however long the history.
 *
 * Both are derived from session_logs alone and kept by statement-level triggers in the same
 * transaction as every insert, update and delete of logs: each touched client's rows are worked out
 * again from their logs (a bounded read through the (organisation_id, user_id, ...) indexes) holding
 * the client's users row, so two writers of one client's logs cannot lose each other's rows.
 * A duplicate log that inserts nothing changes nothing. Nothing here is backed up: a restore inserts
 * the logs and the triggers make the summaries again.
 *
 * This follows 0012a because a practised day is session_logs.practised (core's heldAnyHold).
 * The numbers 8 and 3 are SPARK_SESSIONS (store/dashboard.ts) and RATED_SESSIONS (core/client-standing.ts);
 * test/server/practice-summaries.test.ts compares the dashboard against the logs with more sessions than both.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table client_summaries (
      user_id uuid primary key references users(id) on delete cascade,
      organisation_id uuid not null references organisations(id),
      last_practised_day text,
      last_day text not null,
      last_started_at timestamptz not null,
      last_completed boolean not null,
      last_holds_done integer not null,
      last_holds_planned integer,
      last_pain_before smallint,
      last_pain_after smallint,
      spark jsonb not null,
      rated jsonb not null
    )`.execute(db);
  await sql`
    create table practice_months (
      user_id uuid not null references users(id) on delete cascade,
      organisation_id uuid not null references organisations(id),
      month text not null,
      practised_days integer not null,
      session_days smallint[] not null,
      arrivals bigint[] not null,
      primary key (user_id, month)
    )`.execute(db);

  // One client's rows worked out again: every month in `months`, and the client's own row.
  await sql`
    create function refresh_practice_summary(uid uuid, months text[]) returns void language plpgsql as $fn$
    declare
      org uuid;
    begin
      -- Writers of one client's logs take turns on the client's row; each statement below then sees the
      -- others' committed rows. A row lock lives in the row, so one transaction may hold it for any
      -- number of clients (a back-fill, a restore), where advisory locks would fill the lock table.
      select u.organisation_id into org from users u where u.id = uid for no key update;
      if not found then
        return; -- the account is going: its rows go with it (on delete cascade)
      end if;
      delete from practice_months where user_id = uid and month = any(months);
      insert into practice_months (user_id, organisation_id, month, practised_days, session_days, arrivals)
        select uid, org, m.month, coalesce(bit_or(1 << (x.d - 1)) filter (where x.practised), 0),
          array_agg(x.d::smallint order by x.d), array_agg(x.a order by x.a)
        from unnest(months) m(month)
        join lateral (
          -- An arrival is its time in microseconds since 1970, times 32, plus the day: sorted by time, each knowing its day.
          select substr(s.local_day, 9, 2)::int as d, s.practised,
            (extract(epoch from s.received_at) * 1000000)::bigint * 32 + substr(s.local_day, 9, 2)::int as a
          from session_logs s
          where s.organisation_id = org and s.user_id = uid and s.local_day between m.month || '-01' and m.month || '-31'
        ) x on true
        group by m.month;
      if not exists (select 1 from session_logs s where s.organisation_id = org and s.user_id = uid) then
        delete from client_summaries where user_id = uid;
        return;
      end if;
      -- The latest session, then the latest 8 and the latest 3 rated as [day, pain before, pain after], oldest first.
      insert into client_summaries (user_id, organisation_id, last_practised_day, last_day, last_started_at, last_completed,
          last_holds_done, last_holds_planned, last_pain_before, last_pain_after, spark, rated)
        select uid, org,
          (select max(p.local_day) from session_logs p where p.organisation_id = org and p.user_id = uid and p.practised),
          s.local_day, s.started_at, s.completed,
          (select count(*) from jsonb_array_elements(s.holds) h where not (h->>'skipped')::boolean),
          coalesce(s.holds_planned, case when s.completed then jsonb_array_length(s.holds) end),
          s.pain_before, s.pain_after,
          (select jsonb_agg(jsonb_build_array(x.local_day, x.pain_before, x.pain_after) order by x.started_at, x.id) from (
            select l.local_day, l.pain_before, l.pain_after, l.started_at, l.id from session_logs l
            where l.organisation_id = org and l.user_id = uid order by l.started_at desc, l.id desc limit 8) x),
          coalesce((select jsonb_agg(jsonb_build_array(x.local_day, x.pain_before, x.pain_after) order by x.started_at, x.id) from (
            select l.local_day, l.pain_before, l.pain_after, l.started_at, l.id from session_logs l
            where l.organisation_id = org and l.user_id = uid and l.pain_after is not null
            order by l.started_at desc, l.id desc limit 3) x), '[]'::jsonb)
        from session_logs s where s.organisation_id = org and s.user_id = uid
        order by s.started_at desc, s.id desc limit 1
      on conflict (user_id) do update set organisation_id = excluded.organisation_id, last_practised_day = excluded.last_practised_day,
        last_day = excluded.last_day, last_started_at = excluded.last_started_at, last_completed = excluded.last_completed,
        last_holds_done = excluded.last_holds_done, last_holds_planned = excluded.last_holds_planned,
        last_pain_before = excluded.last_pain_before, last_pain_after = excluded.last_pain_after, spark = excluded.spark, rated = excluded.rated;
    end
    $fn$`.execute(db);

  // The statement's changed rows, per client (in id order, so clients' locks are always taken in one order).
  await sql`
    create function practice_summaries_follow_logs() returns trigger language plpgsql as $fn$
    declare
      c record;
    begin
      if tg_op = 'INSERT' then
        for c in select user_id, array_agg(distinct substr(local_day, 1, 7)) as months from new_rows group by user_id order by user_id loop
          perform refresh_practice_summary(c.user_id, c.months);
        end loop;
      elsif tg_op = 'DELETE' then
        for c in select user_id, array_agg(distinct substr(local_day, 1, 7)) as months from old_rows group by user_id order by user_id loop
          perform refresh_practice_summary(c.user_id, c.months);
        end loop;
      else
        for c in select user_id, array_agg(distinct month) as months from (
            select user_id, substr(local_day, 1, 7) as month from old_rows
            union all select user_id, substr(local_day, 1, 7) from new_rows) x
          group by user_id order by user_id loop
          perform refresh_practice_summary(c.user_id, c.months);
        end loop;
      end if;
      return null;
    end
    $fn$`.execute(db);
  await sql`create trigger practice_summaries_insert after insert on session_logs
    referencing new table as new_rows for each statement execute function practice_summaries_follow_logs()`.execute(db);
  await sql`create trigger practice_summaries_update after update on session_logs
    referencing old table as old_rows new table as new_rows for each statement execute function practice_summaries_follow_logs()`.execute(
    db,
  );
  await sql`create trigger practice_summaries_delete after delete on session_logs
    referencing old table as old_rows for each statement execute function practice_summaries_follow_logs()`.execute(db);
  await sql`
    create function practice_summaries_empty() returns trigger language plpgsql as $fn$
    begin
      delete from practice_months;
      delete from client_summaries;
      return null;
    end
    $fn$`.execute(db);
  await sql`create trigger practice_summaries_truncate after truncate on session_logs
    for each statement execute function practice_summaries_empty()`.execute(db);

  // The logs already kept.
  await sql`
    select refresh_practice_summary(c.user_id, c.months)
    from (select user_id, array_agg(distinct substr(local_day, 1, 7)) as months from session_logs group by user_id order by user_id) c
  `.execute(db);

  // Nothing reads (organisation_id, local_day, user_id) any more: the organisation-wide count reads
  // practice_months, and every other read of logs by day names the client first.
  await sql`drop index if exists session_logs_org_day_user`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["insert", "update", "delete", "truncate"])
    await sql.raw(`drop trigger practice_summaries_${t} on session_logs`).execute(db);
  await sql`drop function practice_summaries_empty()`.execute(db);
  await sql`drop function practice_summaries_follow_logs()`.execute(db);
  await sql`drop function refresh_practice_summary(uuid, text[])`.execute(db);
  await sql`drop table practice_months`.execute(db);
  await sql`drop table client_summaries`.execute(db);
  await sql`create index session_logs_org_day_user on session_logs (organisation_id, local_day, user_id)`.execute(db);
}
