import type { Kysely } from "kysely";
import type { Tables, UserRow } from "../db/tables.ts";

/** What a reset token names: its account, and whether it can still be used at `now`. */
export type ResetLookup =
  | { state: "unknown" }
  | { state: "used"; usedAt: Date }
  | { state: "expired"; expiredAt: Date }
  | { state: "usable"; user: UserRow; expiresAt: Date };

/**
 * Stores a new reset link unless the account was given `cap.links` links within the window
 * (answering how many it was given). The count and the insert run in one transaction with the
 * account's row locked, so links asked for at once (two servers' mail senders, the operator)
 * cannot each count the same free place. Only the newest link of an account works: its earlier
 * unused ones end now.
 */
export async function insertPasswordReset(
  db: Kysely<Tables>,
  input: { tokenHash: string; userId: string; expiresAt: Date },
  cap: { links: number; windowMs: number },
  now: Date,
): Promise<{ ok: true } | { ok: false; recent: number }> {
  return db.transaction().execute(async (tx) => {
    await tx.selectFrom("users").select("id").where("id", "=", input.userId).forUpdate().execute();
    const row = await tx
      .selectFrom("password_resets")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("user_id", "=", input.userId)
      .where("created_at", ">", new Date(now.getTime() - cap.windowMs))
      .executeTakeFirstOrThrow();
    const recent = Number(row.n);
    if (recent >= cap.links) return { ok: false as const, recent };
    await tx
      .updateTable("password_resets")
      .set({ expires_at: now })
      .where("user_id", "=", input.userId)
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .execute();
    await tx
      .insertInto("password_resets")
      .values({ token_hash: input.tokenHash, user_id: input.userId, created_at: now, expires_at: input.expiresAt })
      .execute();
    return { ok: true as const };
  });
}

export async function lookUpPasswordReset(db: Kysely<Tables>, tokenHash: string, now: Date): Promise<ResetLookup> {
  const row = await db
    .selectFrom("password_resets as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .selectAll("u")
    .select(["r.expires_at as reset_expires_at", "r.used_at as reset_used_at"])
    .where("r.token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (!row) return { state: "unknown" };
  const { reset_expires_at, reset_used_at, ...user } = row;
  if (reset_used_at) return { state: "used", usedAt: new Date(reset_used_at) };
  const expiresAt = new Date(reset_expires_at);
  if (expiresAt.getTime() <= now.getTime()) return { state: "expired", expiredAt: expiresAt };
  return { state: "usable", user: user as UserRow, expiresAt };
}

/**
 * Uses a reset token once, in one transaction: marks it used (only if it is still unused and
 * unexpired, so two racing requests cannot both win), sets the new password, ends every
 * sign-in session of the account and every other reset link. Answers the user, or undefined
 * when the token could not be used (any more).
 */
export async function redeemPasswordReset(
  db: Kysely<Tables>,
  tokenHash: string,
  passwordHash: string,
  now: Date,
): Promise<UserRow | undefined> {
  return db.transaction().execute(async (tx) => {
    const used = await tx
      .updateTable("password_resets")
      .set({ used_at: now })
      .where("token_hash", "=", tokenHash)
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .returning("user_id")
      .executeTakeFirst();
    if (!used) return undefined;
    const user = await tx
      .updateTable("users")
      .set({ password_hash: passwordHash, password_changed_at: now })
      .where("id", "=", used.user_id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx.deleteFrom("auth_sessions").where("user_id", "=", user.id).execute();
    await tx
      .updateTable("password_resets")
      .set({ expires_at: now })
      .where("user_id", "=", user.id)
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .execute();
    return user;
  });
}

/** Takes back a link that never reached its person (its mail could not be sent). */
export async function withdrawPasswordReset(db: Kysely<Tables>, tokenHash: string): Promise<void> {
  await db.deleteFrom("password_resets").where("token_hash", "=", tokenHash).where("used_at", "is", null).execute();
}
