import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Tables } from "../db/tables.ts";

export interface MessageView {
  id: string;
  body: string;
  sessionLogId: string | null;
  createdAt: string;
  readAt: string | null;
}

export async function insertMessage(
  db: Kysely<Tables>,
  owner: { userId: string; organisationId: string },
  input: { body: string; sessionLogId: string | null },
  now: Date,
): Promise<MessageView> {
  const row = await db
    .insertInto("messages")
    .values({ id: randomUUID(), organisation_id: owner.organisationId, user_id: owner.userId, session_log_id: input.sessionLogId, body: input.body, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return viewOf(row);
}

const viewOf = (r: { id: string; body: string; session_log_id: string | null; created_at: Date; read_at: Date | null }): MessageView => ({
  id: r.id,
  body: r.body,
  sessionLogId: r.session_log_id,
  createdAt: new Date(r.created_at).toISOString(),
  readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
});

/** A client's notes, newest first, within one organisation. */
export async function listMessages(db: Kysely<Tables>, organisationId: string, userId: string, limit = 50): Promise<MessageView[]> {
  const rows = await db
    .selectFrom("messages")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
  return rows.map(viewOf);
}

/** Every note a user has written, in any organisation, oldest first (for their data export). */
export async function listMessagesOfUser(db: Kysely<Tables>, userId: string): Promise<MessageView[]> {
  const rows = await db.selectFrom("messages").selectAll().where("user_id", "=", userId).orderBy("created_at", "asc").execute();
  return rows.map(viewOf);
}

/** Marks a client's notes read by the coach. */
export async function markMessagesRead(db: Kysely<Tables>, organisationId: string, userId: string, now: Date): Promise<void> {
  await db.updateTable("messages").set({ read_at: now }).where("organisation_id", "=", organisationId).where("user_id", "=", userId).where("read_at", "is", null).execute();
}

/** Whether a session log belongs to this user (a note may point only at one's own session). */
export async function ownsSessionLog(db: Kysely<Tables>, userId: string, logId: string): Promise<boolean> {
  return (await db.selectFrom("session_logs").select("id").where("id", "=", logId).where("user_id", "=", userId).executeTakeFirst()) !== undefined;
}
