import { sql, type Kysely } from "kysely";

/**
 * A person's plan of days a week is theirs only once they choose it. Until now every account started
 * at 3 days, so a plan nobody chose was measured and reminded as if it were theirs. Now the plan is
 * null until chosen, and `plan_since` keeps the day it was chosen (as the person's device saw it),
 * from which adherence counts. An older 3 cannot be told from a choice of 3, so it is asked for
 * again (the web sends back a plan it kept on the device); any other number was chosen, since the
 * day the account was made (the best the database knows).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("users").addColumn("plan_since", "text").execute();
  await sql`alter table users alter column plan_days_per_week drop not null`.execute(db);
  await sql`alter table users alter column plan_days_per_week drop default`.execute(db);
  await sql`update users set plan_since = to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') where plan_days_per_week <> 3`.execute(db);
  await sql`update users set plan_days_per_week = null where plan_days_per_week = 3`.execute(db);
  await sql`alter table users add constraint users_plan_chosen check ((plan_days_per_week is null) = (plan_since is null))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop constraint users_plan_chosen`.execute(db);
  await sql`update users set plan_days_per_week = 3 where plan_days_per_week is null`.execute(db);
  await sql`alter table users alter column plan_days_per_week set default 3`.execute(db);
  await sql`alter table users alter column plan_days_per_week set not null`.execute(db);
  await db.schema.alterTable("users").dropColumn("plan_since").execute();
}
