import { sql, type Kysely } from "kysely";

/**
 * Sentences of a practice's own programs spoken by Limber's voice, kept so each is rendered once.
 * A cache: losing a row costs a second of rendering, never data. Kept per organisation like every
 * record (a practice's words stay its own), and gone with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("voice_clips")
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("voice", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("samples", "integer", (c) => c.notNull())
    .addColumn("mp3", "bytea", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("voice_clips_pkey", ["organisation_id", "key", "voice"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("voice_clips").execute();
}
