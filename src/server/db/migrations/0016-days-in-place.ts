import { sql, type Kysely } from "kysely";
import { createFollowLogs } from "./0015-summaries-by-batch.ts";

/**
 * Less work per log for the summaries.
 *
 * practice_days follows an update of practice_months in place instead of by delete and insert.
 *
 * Every log added to a client's month updates that month's practice_months row (migration 0015), and
 * migration 0014's trigger then deleted the matching practice_days row and inserted it again: two
 * index entries and two foreign-key checks per log, even when the log changed no bit (a second
 * session on a day already practised, or a session that was not practised). Now an updated row's
 * bits are written over the old ones, and only when they or the organisation changed. A row whose
 * key changed (no writer does that today) still loses its old day row, so practice_days stays
 * practice_months' bits row for row, whoever writes it; inserts, deletes and truncation are as in
 * 0014. test/server/practice-summaries.test.ts compares the two tables after every kind of write.
 *
 * And the summaries' trigger (migration 0015) keeps a client's last entries of spark and rated with
 * one jsonpath slice instead of numbering the entries and aggregating them again: the same entries,
 * in the same order, for lists shorter than the slice as well.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function practice_days_follow_months() returns trigger language plpgsql as $fn$
    begin
      if tg_op = 'DELETE' then
        delete from practice_days d using old_rows o where d.user_id = o.user_id and d.month = o.month;
      elsif tg_op = 'UPDATE' then
        delete from practice_days d using old_rows o
          where d.user_id = o.user_id and d.month = o.month
            and not exists (select 1 from new_rows n where n.user_id = o.user_id and n.month = o.month);
        insert into practice_days as d (user_id, month, organisation_id, practised_days)
          select n.user_id, n.month, n.organisation_id, n.practised_days from new_rows n
          on conflict (user_id, month) do update set organisation_id = excluded.organisation_id, practised_days = excluded.practised_days
          where (d.organisation_id, d.practised_days) is distinct from (excluded.organisation_id, excluded.practised_days);
      else
        insert into practice_days (user_id, month, organisation_id, practised_days)
          select n.user_id, n.month, n.organisation_id, n.practised_days from new_rows n;
      end if;
      return null;
    end
    $fn$`.execute(db);
  await createFollowLogs(db, "by-path");
}

/** Back to migration 0014's days function (delete and insert again on every update) and 0015's summaries function. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function practice_days_follow_months() returns trigger language plpgsql as $fn$
    begin
      if tg_op in ('DELETE', 'UPDATE') then
        delete from practice_days d using old_rows o where d.user_id = o.user_id and d.month = o.month;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into practice_days (user_id, month, organisation_id, practised_days)
          select n.user_id, n.month, n.organisation_id, n.practised_days from new_rows n;
      end if;
      return null;
    end
    $fn$`.execute(db);
  await createFollowLogs(db, "by-ordinality");
}
