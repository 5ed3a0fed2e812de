import { sql, type Kysely } from "kysely";
import { heldAnyHold } from "../../../core/session-summary.ts";
import type { HoldRecord } from "../../../core/session-log.ts";

const PAGE = 500;

/**
 * Whether a session makes its day a practised day, kept beside the log so the SQL that counts
 * practised days (the coach's dashboard, reminders) reads a column instead of a second copy of
 * the rule. The rule itself is core's heldAnyHold: a session with no hold held is kept but is not
 * practice. Old rows are worked out here through the same function, a page at a time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("session_logs")
    .addColumn("practised", "boolean", (c) => c.notNull().defaultTo(false))
    .execute();
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const { rows } = await sql<{ id: string; holds: Pick<HoldRecord, "skipped">[] }>`
      select id, holds from session_logs where id > ${after}::uuid order by id limit ${PAGE}
    `.execute(db);
    const held = rows.filter((r) => heldAnyHold(r.holds)).map((r) => r.id);
    if (held.length > 0) {
      await sql`update session_logs set practised = true where id in (${sql.join(held.map((id) => sql`${id}::uuid`))})`.execute(db);
    }
    if (rows.length < PAGE) break;
    after = rows.at(-1)!.id;
  }
  // From now on every insert says it (log-recording.ts), so a forgotten one fails instead of counting nothing.
  await sql`alter table session_logs alter column practised drop default`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("session_logs").dropColumn("practised").execute();
}
