import { sql, type Kysely } from "kysely";

/** Organisations, users, sign-in sessions, programs, session logs and progress. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("organisations")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('personal', 'practice')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('client', 'coach')`))
    .addColumn("plan_days_per_week", "integer", (c) =>
      c
        .notNull()
        .defaultTo(3)
        .check(sql`plan_days_per_week between 1 and 7`),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("password_changed_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("users_organisation").on("users").column("organisation_id").execute();

  await db.schema
    .createTable("auth_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("auth_sessions_user").on("auth_sessions").column("user_id").execute();

  await db.schema
    .createTable("programs")
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("organisation_id", "uuid", (c) => c.references("organisations.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("document", "jsonb", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("programs_pk", ["id", "version"])
    .execute();

  await db.schema
    .createTable("session_logs")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("program_id", "text", (c) => c.notNull())
    .addColumn("program_version", "integer", (c) => c.notNull())
    .addColumn("started_at", "timestamptz", (c) => c.notNull())
    .addColumn("ended_at", "timestamptz", (c) => c.notNull())
    .addColumn("local_day", "text", (c) => c.notNull())
    .addColumn("completed", "boolean", (c) => c.notNull())
    .addColumn("steps_done", "integer", (c) => c.notNull())
    .addColumn("steps_total", "integer", (c) => c.notNull())
    .addColumn("holds", "jsonb", (c) => c.notNull())
    .addColumn("pain_before", "smallint")
    .addColumn("pain_after", "smallint")
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("received_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("session_logs_user_started").on("session_logs").columns(["user_id", "started_at"]).execute();

  await db.schema
    .createTable("progress")
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("program_id", "text", (c) => c.notNull())
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id"))
    .addColumn("state", "jsonb", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull())
    .addPrimaryKeyConstraint("progress_pk", ["user_id", "program_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["progress", "session_logs", "programs", "auth_sessions", "users", "organisations"]) {
    await db.schema.dropTable(table).execute();
  }
}
