import type { Kysely } from "kysely";

/** The weeks whose summary a coach was sent: one row per coach per week, ever, so none goes twice. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("weekly_summaries")
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("week_ending", "text", (c) => c.notNull())
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("decided_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("weekly_summaries_pk", ["user_id", "week_ending"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("weekly_summaries").execute();
}
