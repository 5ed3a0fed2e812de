import type { Kysely } from "kysely";
import type { Tables, UserRow } from "../db/tables.ts";

export interface NewAuthSession {
  tokenHash: string;
  userId: string;
  organisationId: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function insertAuthSession(db: Kysely<Tables>, s: NewAuthSession, now: Date): Promise<void> {
  await db
    .insertInto("auth_sessions")
    .values({
      id: s.tokenHash,
      user_id: s.userId,
      organisation_id: s.organisationId,
      csrf_token: s.csrfToken,
      created_at: now,
      expires_at: s.expiresAt,
    })
    .execute();
}

export interface LiveSession {
  tokenHash: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserRow;
}

/** The unexpired session with this token hash and its user, or undefined. */
export async function findLiveSession(db: Kysely<Tables>, tokenHash: string, now: Date): Promise<LiveSession | undefined> {
  const row = await db
    .selectFrom("auth_sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .selectAll("u")
    .select(["s.id as session_id", "s.csrf_token", "s.expires_at"])
    .where("s.id", "=", tokenHash)
    .where("s.expires_at", ">", now)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, csrf_token, expires_at, ...user } = row;
  return { tokenHash: session_id, csrfToken: csrf_token, expiresAt: new Date(expires_at), user };
}

export async function deleteAuthSession(db: Kysely<Tables>, tokenHash: string): Promise<void> {
  await db.deleteFrom("auth_sessions").where("id", "=", tokenHash).execute();
}

/** Ends every session of a user, except the one given (after a password change). */
export async function deleteSessionsOfUser(db: Kysely<Tables>, userId: string, except?: string): Promise<void> {
  let q = db.deleteFrom("auth_sessions").where("user_id", "=", userId);
  if (except) q = q.where("id", "!=", except);
  await q.execute();
}

/** Removes sessions past their expiry; answers how many went. */
export async function deleteExpiredSessions(db: Kysely<Tables>, now: Date): Promise<number> {
  const r = await db.deleteFrom("auth_sessions").where("expires_at", "<=", now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
