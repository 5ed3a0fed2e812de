import type { Kysely } from "kysely";
import type { Tables } from "../db/tables.ts";
import { saveMailSettings } from "./mail-settings.ts";

/** An email-check link works for 7 days, once. */
export const EMAIL_CHECK_LIFETIME_MS = 7 * 24 * 60 * 60_000;

export async function insertEmailCheck(
  db: Kysely<Tables>,
  input: { tokenHash: string; userId: string; email: string },
  now: Date,
): Promise<void> {
  await db
    .insertInto("email_checks")
    .values({
      token_hash: input.tokenHash,
      user_id: input.userId,
      email: input.email,
      created_at: now,
      expires_at: new Date(now.getTime() + EMAIL_CHECK_LIFETIME_MS),
    })
    .execute();
}

export async function withdrawEmailCheck(db: Kysely<Tables>, tokenHash: string): Promise<void> {
  await db.deleteFrom("email_checks").where("token_hash", "=", tokenHash).where("used_at", "is", null).execute();
}

export type EmailCheckOutcome = { ok: true; email: string } | { ok: false; reason: "unknown" | "used" | "expired" | "changed" };

/**
 * Uses a check link once: the account's address counts as checked while it stays the one the
 * link was sent to (a link for an address since changed checks nothing).
 */
export async function redeemEmailCheck(db: Kysely<Tables>, tokenHash: string, now: Date): Promise<EmailCheckOutcome> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom("email_checks as e")
      .innerJoin("users as u", "u.id", "e.user_id")
      .select(["e.user_id", "e.email", "e.used_at", "e.expires_at", "u.email as current"])
      .where("e.token_hash", "=", tokenHash)
      .forUpdate("e")
      .executeTakeFirst();
    if (!row) return { ok: false, reason: "unknown" };
    if (row.used_at) return { ok: false, reason: "used" };
    if (new Date(row.expires_at).getTime() <= now.getTime()) return { ok: false, reason: "expired" };
    if (row.current !== row.email) return { ok: false, reason: "changed" };
    await tx.updateTable("email_checks").set({ used_at: now }).where("token_hash", "=", tokenHash).execute();
    await saveMailSettings(tx, row.user_id, { checked_email: row.email }, now);
    return { ok: true, email: row.email };
  });
}
