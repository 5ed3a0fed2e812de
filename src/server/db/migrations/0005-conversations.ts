import { sql, type Kysely } from "kysely";

/**
 * Conversations between a coach and a client, and what a coach's dashboard needs to tell what is new:
 * - each message says who wrote it (the client, or a coach of the practice), and `read_at` is when
 *   the other side read it;
 * - a coach's last look at the dashboard;
 * - how many holds a session planned, so an abandoned session reads "12 of 25 holds", not "completed"
 *   (null for logs from devices that did not say; a completed one recorded every planned hold).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("messages")
    .addColumn("author", "text", (c) =>
      c
        .notNull()
        .defaultTo("client")
        .check(sql`author in ('client', 'coach')`),
    )
    // The coach who wrote it; their replies go when their account does.
    .addColumn("author_id", "uuid", (c) => c.references("users.id").onDelete("cascade"))
    .execute();
  await db.schema.alterTable("users").addColumn("clients_seen_at", "timestamptz").execute();
  await db.schema.alterTable("session_logs").addColumn("holds_planned", "integer").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("session_logs").dropColumn("holds_planned").execute();
  await db.schema.alterTable("users").dropColumn("clients_seen_at").execute();
  await db.schema.alterTable("messages").dropColumn("author_id").dropColumn("author").execute();
}
