import type { Kysely } from "kysely";

/**
 * Attempts counted by the rate limits, kept in the database so every server process on one
 * PostgreSQL sees the same counts and a restart forgets nothing. The subject is the SHA-256 of
 * the limited key (an email, an address, a user id), so the table holds no emails or addresses.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("rate_limit_attempts")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("limit_name", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("rate_limit_attempts_subject")
    .on("rate_limit_attempts")
    .columns(["limit_name", "subject", "expires_at"])
    .execute();
  await db.schema.createIndex("rate_limit_attempts_expiry").on("rate_limit_attempts").column("expires_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("rate_limit_attempts").execute();
}
