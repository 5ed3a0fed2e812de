import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Tables } from "../db/tables.ts";

/** Who wrote a message: the client the conversation is with, or a coach of their practice. */
export type Author = "client" | "coach";

/** One message of a client's conversation with their practice; `readAt` is when the other side read it. */
export interface MessageView {
  id: string;
  author: Author;
  body: string;
  sessionLogId: string | null;
  createdAt: string;
  readAt: string | null;
}

/**
 * Adds a message to the conversation of one client (`owner`) in their organisation. A coach's
 * reply names the coach who wrote it; a client's own message does not need to.
 */
export async function insertMessage(
  db: Kysely<Tables>,
  owner: { userId: string; organisationId: string },
  input: { body: string; sessionLogId: string | null; author?: Author; authorId?: string },
  now: Date,
): Promise<MessageView> {
  const row = await db
    .insertInto("messages")
    .values({
      id: randomUUID(),
      organisation_id: owner.organisationId,
      user_id: owner.userId,
      session_log_id: input.sessionLogId,
      body: input.body,
      author: input.author ?? "client",
      author_id: input.author === "coach" ? (input.authorId ?? null) : null,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return viewOf(row);
}

const viewOf = (r: {
  id: string;
  author: Author;
  body: string;
  session_log_id: string | null;
  created_at: Date;
  read_at: Date | null;
}): MessageView => ({
  id: r.id,
  author: r.author,
  body: r.body,
  sessionLogId: r.session_log_id,
  createdAt: new Date(r.created_at).toISOString(),
  readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
});

/** A client's conversation with their practice, newest first, within one organisation. */
export async function listMessages(db: Kysely<Tables>, organisationId: string, userId: string, limit = 50): Promise<MessageView[]> {
  const rows = await db
    .selectFrom("messages")
    .selectAll()
    .where("organisation_id", "=", organisationId)
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(viewOf);
}

/** How many messages of a client's conversation the reader has not read yet (those the other side wrote). */
export async function unreadCount(db: Kysely<Tables>, organisationId: string, userId: string, reader: Author): Promise<number> {
  const row = await db
    .selectFrom("messages")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("organisation_id", "=", organisationId)
    .where("user_id", "=", userId)
    .where("author", "!=", reader)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Every message a user has written or that is part of their own conversation, in any
 * organisation, oldest first (for their data export).
 */
export async function listMessagesOfUser(db: Kysely<Tables>, userId: string): Promise<MessageView[]> {
  const rows = await db
    .selectFrom("messages")
    .selectAll()
    .where((eb) => eb.or([eb("user_id", "=", userId), eb("author_id", "=", userId)]))
    .orderBy("created_at", "asc")
    .orderBy("id", "asc")
    .execute();
  return rows.map(viewOf);
}

/** Marks read, for `reader`, every message of a client's conversation the other side wrote. */
export async function markMessagesRead(
  db: Kysely<Tables>,
  organisationId: string,
  userId: string,
  reader: Author,
  now: Date,
): Promise<void> {
  await db
    .updateTable("messages")
    .set({ read_at: now })
    .where("organisation_id", "=", organisationId)
    .where("user_id", "=", userId)
    .where("author", "!=", reader)
    .where("read_at", "is", null)
    .execute();
}

/** Whether a session log belongs to this user (a note may point only at one's own session). */
export async function ownsSessionLog(db: Kysely<Tables>, userId: string, logId: string): Promise<boolean> {
  return (
    (await db.selectFrom("session_logs").select("id").where("id", "=", logId).where("user_id", "=", userId).executeTakeFirst()) !==
    undefined
  );
}
