import { sql, type Kysely } from "kysely";

/**
 * A log posted in order costs the summaries the same however many logs its client has.
 *
 * Migration 0013's triggers work each touched client's rows out again from their logs: the whole month
 * of the log (every log of it read again) and the latest 8 and 3 rated. For a statement that inserts one
 * log of a client, newer than every log the client has (the usual case: a session just done, posted),
 * practice_summary_add_log now adds that log to the rows as they are instead: its day's bit, its day and
 * its arrival put into the month's sorted arrays (at the end, as a rule), and the latest session, the
 * sparkline and the rated ones moved on by one. Anything else (a log older than the client's latest or
 * at the same moment, several logs of one client in one statement, an update, a delete, a client with
 * no summary yet, a log of another organisation than the client's) is worked out again from the logs
 * as before, so out-of-order and offline logs stay exact. Both run under the same lock on the client's
 * users row, so concurrent writers of one client still take turns.
 *
 * The numbers 8 and 3 are those of migration 0013 (SPARK_SESSIONS and RATED_SESSIONS);
 * test/server/practice-summaries.test.ts compares the summaries with the logs after posts in and out of order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function practice_summary_add_log(s session_logs) returns boolean language plpgsql as $fn$
    declare
      org uuid;
      v_month text := substr(s.local_day, 1, 7);
      v_day int := substr(s.local_day, 9, 2)::int;
      -- As in migration 0013: the arrival in microseconds since 1970, times 32, plus the day.
      v_arrival bigint := (extract(epoch from s.received_at) * 1000000)::bigint * 32 + substr(s.local_day, 9, 2)::int;
      v_bit int := case when s.practised then 1 << (substr(s.local_day, 9, 2)::int - 1) else 0 end;
      v_session jsonb := jsonb_build_array(jsonb_build_array(s.local_day, s.pain_before, s.pain_after));
    begin
      select u.organisation_id into org from users u where u.id = s.user_id for no key update;
      if not found or org is distinct from s.organisation_id then
        return false;
      end if;
      -- Only a log newer than every log the client has moves the latest session, the sparkline and the rated on by one.
      perform 1 from client_summaries c where c.user_id = s.user_id and c.organisation_id = org and c.last_started_at < s.started_at;
      if not found then
        return false;
      end if;
      update practice_months m set
        practised_days = m.practised_days | v_bit,
        session_days = case when v_day >= m.session_days[cardinality(m.session_days)] then m.session_days || v_day::smallint
          else (select array_agg(x order by x) from unnest(m.session_days || v_day::smallint) x) end,
        arrivals = case when v_arrival >= m.arrivals[cardinality(m.arrivals)] then m.arrivals || v_arrival
          else (select array_agg(x order by x) from unnest(m.arrivals || v_arrival) x) end
      where m.user_id = s.user_id and m.month = v_month and m.organisation_id = org;
      if not found then
        -- No month row: the client had no log in that month (the summaries keep one for every month with logs).
        if exists (select 1 from practice_months m where m.user_id = s.user_id and m.month = v_month) then
          return false; -- a row of another organisation: nothing is changed yet, so worked out again from the logs
        end if;
        insert into practice_months (user_id, organisation_id, month, practised_days, session_days, arrivals)
          values (s.user_id, org, v_month, v_bit, array[v_day::smallint], array[v_arrival]);
      end if;
      update client_summaries c set
        last_practised_day = case when s.practised then greatest(c.last_practised_day, s.local_day) else c.last_practised_day end,
        last_day = s.local_day, last_started_at = s.started_at, last_completed = s.completed,
        last_holds_done = (select count(*) from jsonb_array_elements(s.holds) h where not (h->>'skipped')::boolean),
        last_holds_planned = coalesce(s.holds_planned, case when s.completed then jsonb_array_length(s.holds) end),
        last_pain_before = s.pain_before, last_pain_after = s.pain_after,
        spark = (select jsonb_agg(e order by i) from jsonb_array_elements(c.spark || v_session) with ordinality t(e, i)
          where i > jsonb_array_length(c.spark) + 1 - 8),
        rated = case when s.pain_after is null then c.rated
          else (select jsonb_agg(e order by i) from jsonb_array_elements(c.rated || v_session) with ordinality t(e, i)
            where i > jsonb_array_length(c.rated) + 1 - 3) end
      where c.user_id = s.user_id;
      return true;
    end
    $fn$`.execute(db);

  // Migration 0013's function, with its insert branch trying the one-log step first.
  await sql`
    create or replace function practice_summaries_follow_logs() returns trigger language plpgsql as $fn$
    declare
      c record;
      one session_logs;
    begin
      if tg_op = 'INSERT' then
        for c in select user_id, count(*) as logs, array_agg(distinct substr(local_day, 1, 7)) as months from new_rows
            group by user_id order by user_id loop
          if c.logs = 1 then
            select * into one from new_rows where user_id = c.user_id;
            continue when practice_summary_add_log(one);
          end if;
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
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function practice_summaries_follow_logs() returns trigger language plpgsql as $fn$
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
  await sql`drop function practice_summary_add_log(session_logs)`.execute(db);
}
