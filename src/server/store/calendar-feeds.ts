import type { Kysely } from "kysely";
import type { Tables } from "../db/tables.ts";

/** Replaces the user's feed token (the old address stops working at once). */
export async function rotateCalendarFeed(
  db: Kysely<Tables>,
  owner: { userId: string; organisationId: string },
  tokenHash: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto("calendar_feeds")
    .values({ user_id: owner.userId, organisation_id: owner.organisationId, token_hash: tokenHash, created_at: now })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ token_hash: tokenHash, created_at: now }))
    .execute();
}

export async function revokeCalendarFeed(db: Kysely<Tables>, userId: string): Promise<void> {
  await db.deleteFrom("calendar_feeds").where("user_id", "=", userId).execute();
}

export async function calendarFeedCreatedAt(db: Kysely<Tables>, userId: string): Promise<string | null> {
  const row = await db.selectFrom("calendar_feeds").select("created_at").where("user_id", "=", userId).executeTakeFirst();
  return row ? new Date(row.created_at).toISOString() : null;
}

/** The user a feed token belongs to, with their name, or undefined for an unknown or revoked token. */
export async function findFeedOwner(db: Kysely<Tables>, tokenHash: string): Promise<{ userId: string; displayName: string } | undefined> {
  const row = await db
    .selectFrom("calendar_feeds as f")
    .innerJoin("users as u", "u.id", "f.user_id")
    .select(["u.id", "u.display_name"])
    .where("f.token_hash", "=", tokenHash)
    .executeTakeFirst();
  return row ? { userId: row.id, displayName: row.display_name } : undefined;
}
