import { sql, type Kysely } from "kysely";

/**
 * What the organisation-wide count reads, narrow and in the organisation's own range of an index, and
 * what the dashboard's unread count reads without the conversation's history.
 *
 * practice_days holds, per client and calendar month, only practice_months' practised-day bits, with
 * the organisation: an index on (organisation_id, month, user_id) that carries the bits answers a
 * month of one organisation from its own range: by index alone on pages vacuumed since their last
 * write (PGlite's upkeep, PostgreSQL's autovacuum), which after a day of logs is few of them, and
 * otherwise checking each entry in a heap of rows some 70 bytes wide (BENCHMARKS.md, bench:dashboard). Read
 * through practice_months instead, the same count went through every organisation's month rows of
 * some 400-700 bytes (a sequential scan, EXPLAIN in BENCHMARKS.md at 4c1ebc7).
 *
 * It follows practice_months by statement-level triggers of its own, so whatever writes practice_months
 * (migration 0013's refresh of a client, under the lock on the client's users row) writes it in the
 * same statement's wake: the summaries' triggers on session_logs are unchanged.
 *
 * messages_unread holds only the messages nobody has read yet, so counting a client's unread notes
 * reads those, not every message of the conversation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table practice_days (
      user_id uuid not null references users(id) on delete cascade,
      month text not null,
      organisation_id uuid not null references organisations(id),
      practised_days integer not null,
      primary key (user_id, month)
    )`.execute(db);
  await sql`create index practice_days_organisation on practice_days (organisation_id, month, user_id) include (practised_days)`.execute(
    db,
  );
  await sql`insert into practice_days (user_id, month, organisation_id, practised_days)
    select user_id, month, organisation_id, practised_days from practice_months`.execute(db);
  // PGlite has no autovacuum to count the new rows for the planner before its upkeep's first round.
  await sql`analyze practice_days`.execute(db);
  await sql`create index messages_unread on messages (organisation_id, user_id, author) where read_at is null`.execute(db);

  await sql`
    create function practice_days_empty() returns trigger language plpgsql as $fn$
    begin
      delete from practice_days;
      return null;
    end
    $fn$`.execute(db);
  // practice_days follows practice_months row for row, whoever writes it: the summaries' refresh
  // (migration 0013's triggers on session_logs, under the client's lock), a back-fill, emptying.
  await sql`
    create function practice_days_follow_months() returns trigger language plpgsql as $fn$
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
  await sql`create trigger practice_days_insert after insert on practice_months
    referencing new table as new_rows for each statement execute function practice_days_follow_months()`.execute(db);
  await sql`create trigger practice_days_update after update on practice_months
    referencing old table as old_rows new table as new_rows for each statement execute function practice_days_follow_months()`.execute(db);
  await sql`create trigger practice_days_delete after delete on practice_months
    referencing old table as old_rows for each statement execute function practice_days_follow_months()`.execute(db);
  await sql`create trigger practice_days_truncate after truncate on practice_months
    for each statement execute function practice_days_empty()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["insert", "update", "delete", "truncate"])
    await sql.raw(`drop trigger practice_days_${t} on practice_months`).execute(db);
  await sql`drop function practice_days_follow_months()`.execute(db);
  await sql`drop function practice_days_empty()`.execute(db);
  await sql`drop table practice_days`.execute(db);
  await sql`drop index messages_unread`.execute(db);
}
