import { sql, type Kysely } from "kysely";
import * as summariesByLog from "./0014b-summaries-by-log.ts";

/**
 * Logs posted together are added to the summaries together.
 *
 * The server now records the logs that arrive while the database is busy in one statement
 * (`db/batches.ts`). Migration 0014b's trigger added each of them to its client's rows on its own:
 * a function call and four statements per log, and for each log one more statement-level trigger
 * on practice_months (practice_days follows it), about two thirds of the database's work per log.
 * This trigger does the same for the whole statement at once: every client of the statement is
 * locked in id order first (as before, one by one in that order), then the logs that can be added
 * in place go in with one update-or-insert of their months and one update of their summaries, and
 * every other client is worked out again from the logs, as before.
 *
 * Which logs are added in place is 0014b's rule, unchanged: a client's only log in the statement,
 * of the client's own organisation, newer than every log the client has, with no row of the month
 * under another organisation. The numbers 8 and 3 are those of migration 0013 (SPARK_SESSIONS and
 * RATED_SESSIONS); test/server/practice-summaries.test.ts compares the summaries with the logs
 * after posts in and out of order, one at a time and many at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createFollowLogs(db, "by-ordinality");
  await sql`drop function practice_summary_add_log(session_logs)`.execute(db);
}

/**
 * Makes the summaries' trigger function. `slicing` is how a client's list (spark or rated) keeps
 * its last entries once the new log's entry is added: "by-ordinality", this migration's way,
 * numbers the entries and keeps the last ones; "by-path" (migration 0016) takes them with one
 * jsonpath slice, the same entries in the same order without unnesting and aggregating the list.
 */
export async function createFollowLogs(db: Kysely<unknown>, slicing: "by-ordinality" | "by-path"): Promise<void> {
  const lastOf = (list: string, n: number) => {
    const added = `${list} || jsonb_build_array(jsonb_build_array(s.local_day, s.pain_before, s.pain_after))`;
    return sql.raw(
      slicing === "by-path"
        ? `jsonb_path_query_array(${added}, '$[last - ${n - 1} to last]')`
        : `(select jsonb_agg(e order by i)
              from jsonb_array_elements(${added})
                with ordinality t(e, i)
              where i > jsonb_array_length(${list}) + 1 - ${n})`,
    );
  };
  await sql`
    create or replace function practice_summaries_follow_logs() returns trigger language plpgsql as $fn$
    declare
      c record;
      in_place uuid[];
    begin
      if tg_op = 'INSERT' then
        perform 1 from users u where u.id in (select n.user_id from new_rows n) order by u.id for no key update;
        select coalesce(array_agg(n.id), '{}') into in_place
        from new_rows n
        join users u on u.id = n.user_id and u.organisation_id = n.organisation_id
        join client_summaries s on s.user_id = n.user_id and s.organisation_id = n.organisation_id and s.last_started_at < n.started_at
        where n.user_id in (select o.user_id from new_rows o group by o.user_id having count(*) = 1)
          and not exists (select 1 from practice_months m
            where m.user_id = n.user_id and m.month = substr(n.local_day, 1, 7) and m.organisation_id <> n.organisation_id);
        if cardinality(in_place) > 0 then
          -- As in migration 0013: an arrival is its time in microseconds since 1970, times 32, plus the day.
          with f as (
            select n.user_id, n.organisation_id, substr(n.local_day, 1, 7) as month, substr(n.local_day, 9, 2)::int as day,
              case when n.practised then 1 << (substr(n.local_day, 9, 2)::int - 1) else 0 end as bit,
              (extract(epoch from n.received_at) * 1000000)::bigint * 32 + substr(n.local_day, 9, 2)::int as arrival
            from new_rows n where n.id = any(in_place)
          ), updated as (
            update practice_months m set
              practised_days = m.practised_days | f.bit,
              session_days = case when f.day >= m.session_days[cardinality(m.session_days)] then m.session_days || f.day::smallint
                else (select array_agg(x order by x) from unnest(m.session_days || f.day::smallint) x) end,
              arrivals = case when f.arrival >= m.arrivals[cardinality(m.arrivals)] then m.arrivals || f.arrival
                else (select array_agg(x order by x) from unnest(m.arrivals || f.arrival) x) end
            from f where m.user_id = f.user_id and m.month = f.month and m.organisation_id = f.organisation_id
            returning m.user_id
          )
          insert into practice_months (user_id, organisation_id, month, practised_days, session_days, arrivals)
            select f.user_id, f.organisation_id, f.month, f.bit, array[f.day::smallint], array[f.arrival]
            from f where f.user_id not in (select user_id from updated);
          update client_summaries cs set
            last_practised_day = case when s.practised then greatest(cs.last_practised_day, s.local_day) else cs.last_practised_day end,
            last_day = s.local_day, last_started_at = s.started_at, last_completed = s.completed,
            last_holds_done = (select count(*) from jsonb_array_elements(s.holds) h where not (h->>'skipped')::boolean),
            last_holds_planned = coalesce(s.holds_planned, case when s.completed then jsonb_array_length(s.holds) end),
            last_pain_before = s.pain_before, last_pain_after = s.pain_after,
            spark = ${lastOf("cs.spark", 8)},
            rated = case when s.pain_after is null then cs.rated else ${lastOf("cs.rated", 3)} end
          from new_rows s where s.id = any(in_place) and cs.user_id = s.user_id;
        end if;
        for c in select n.user_id, array_agg(distinct substr(n.local_day, 1, 7)) as months from new_rows n
            where n.id <> all(in_place) group by n.user_id order by n.user_id loop
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

/** Back to migration 0014b: its one-log function and its trigger function, made again. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await summariesByLog.up(db);
}
