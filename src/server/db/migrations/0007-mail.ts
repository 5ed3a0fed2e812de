import { sql, type Kysely } from "kysely";

/**
 * Mail: the durable queue the server sends from, email checks, each person's mail settings, the
 * reminder days already handled, and the server's own signing secret (for unsubscribe links).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("mail_queue")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("recipient", "text", (c) => c.notNull())
    .addColumn("user_id", "uuid", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("payload", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("next_attempt_at", "timestamptz", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", "text")
    .addColumn("claimed_by", "text")
    .addColumn("claimed_until", "timestamptz")
    .addColumn("finished_at", "timestamptz")
    .addColumn("outcome", "text")
    .execute();
  await sql`create index mail_queue_due on mail_queue (next_attempt_at) where finished_at is null`.execute(db);
  await db.schema.createIndex("mail_queue_recipient").on("mail_queue").columns(["recipient", "kind", "created_at"]).execute();

  await db.schema
    .createTable("email_checks")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .execute();
  await db.schema.createIndex("email_checks_user").on("email_checks").columns(["user_id", "created_at"]).execute();

  await db.schema
    .createTable("mail_settings")
    .addColumn("user_id", "uuid", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("checked_email", "text")
    .addColumn("reminder_time", "text")
    .addColumn("time_zone", "text", (c) => c.notNull().defaultTo("UTC"))
    .addColumn("weekly_summary", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .execute();
  await sql`create index mail_settings_reminders on mail_settings (user_id) where reminder_time is not null`.execute(db);

  await db.schema
    .createTable("reminder_days")
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("local_day", "text", (c) => c.notNull())
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("decided_at", "timestamptz", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("reminder_days_pk", ["user_id", "local_day"])
    .execute();

  await db.schema
    .createTable("server_secrets")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["server_secrets", "reminder_days", "mail_settings", "email_checks", "mail_queue"])
    await db.schema.dropTable(table).execute();
}
