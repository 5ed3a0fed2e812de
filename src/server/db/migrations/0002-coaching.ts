import { sql, type Kysely } from "kysely";

/**
 * Coaching: invites into a practice, prescriptions, private calendar feeds and messages to a
 * coach, plus the index the coach's dashboard reads session logs by.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("organisations")
    .addColumn("contact", "text", (c) => c.notNull().defaultTo(""))
    .execute();

  await db.schema
    .createTable("invites")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("code_hash", "text", (c) => c.notNull().unique())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .addColumn("used_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("invites_organisation").on("invites").columns(["organisation_id", "created_at"]).execute();

  await db.schema
    .createTable("prescriptions")
    .addColumn("user_id", "uuid", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("program_id", "text", (c) => c.notNull())
    .addColumn("program_version", "integer", (c) => c.notNull())
    .addColumn("schedule", "jsonb", (c) => c.notNull())
    .addColumn("hold_overrides", "jsonb", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("set_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("prescriptions_organisation").on("prescriptions").columns(["organisation_id", "user_id"]).execute();

  await db.schema
    .createTable("calendar_feeds")
    .addColumn("user_id", "uuid", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("messages")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("session_log_id", "uuid", (c) => c.references("session_logs.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("read_at", "timestamptz")
    .execute();
  await db.schema.createIndex("messages_organisation_user").on("messages").columns(["organisation_id", "user_id", "created_at"]).execute();

  // The dashboard reads each client's logs by organisation, then user, then day or time.
  await db.schema
    .createIndex("session_logs_org_user_day")
    .on("session_logs")
    .columns(["organisation_id", "user_id", "local_day"])
    .execute();
  await db.schema
    .createIndex("session_logs_org_user_started")
    .on("session_logs")
    .columns(["organisation_id", "user_id", "started_at"])
    .execute();
  await sql`create index users_organisation_role on users (organisation_id, role)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("users_organisation_role").execute();
  await db.schema.dropIndex("session_logs_org_user_started").execute();
  await db.schema.dropIndex("session_logs_org_user_day").execute();
  for (const table of ["messages", "calendar_feeds", "prescriptions", "invites"]) await db.schema.dropTable(table).execute();
  await db.schema.alterTable("organisations").dropColumn("contact").execute();
}
