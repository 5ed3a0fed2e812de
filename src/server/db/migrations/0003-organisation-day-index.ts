import type { Kysely } from "kysely";

/**
 * The organisation-wide adherence query reads one organisation's logs over a range of days for
 * all its clients at once. With (organisation_id, user_id, local_day) the day range is not a
 * prefix, so the whole history was read; (organisation_id, local_day, user_id) reads only the
 * days asked for, from the index alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("session_logs_org_day_user")
    .on("session_logs")
    .columns(["organisation_id", "local_day", "user_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("session_logs_org_day_user").execute();
}
