import { randomUUID } from "node:crypto";
import { sql, type Kysely, type Transaction } from "kysely";
import type { MailQueueTable, Tables } from "../db/tables.ts";
import type { Selectable } from "kysely";
import { MailJob } from "../mail/mail-job.ts";

export type QueuedMail = Selectable<MailQueueTable> & { job: MailJob };

/** How long a claimed mail is left to the process that claimed it before another may take it. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/** Waits after the 1st, 2nd, ... failed attempt: 30 s doubling to at most 30 minutes, for as long as it takes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}

/** Puts a mail in the queue, due now; in `tx` when it must stand or fall with other writes. */
export async function enqueueMail(
  db: Kysely<Tables> | Transaction<Tables>,
  input: { job: MailJob; recipient: string; userId?: string },
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("mail_queue")
    .values({
      id,
      kind: input.job.kind,
      recipient: input.recipient,
      user_id: input.userId ?? null,
      payload: JSON.stringify(input.job),
      created_at: now,
      next_attempt_at: now,
    })
    .execute();
  return id;
}

/** A cap on mails of one kind to one address: at most `mails` queued within `windowMs`. */
export interface MailCap {
  mails: number;
  windowMs: number;
}

/**
 * Queues the mail unless `cap.mails` mails of its kind were queued for its recipient within the
 * window; answers whether it was queued. Like the rate limits (auth/rate-limit.ts), the count and
 * the insert run in one transaction under a lock on (kind, recipient), shared by every process on
 * the database, so requests sent at once cannot each count the same free place.
 */
export async function enqueueMailWithinCap(
  db: Kysely<Tables>,
  input: { job: MailJob; recipient: string; userId?: string },
  cap: MailCap,
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`mail-cap\n${input.job.kind}\n${input.recipient}`}))`.execute(tx);
    const row = await tx
      .selectFrom("mail_queue")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("recipient", "=", input.recipient)
      .where("kind", "=", input.job.kind)
      .where("created_at", ">", new Date(now.getTime() - cap.windowMs))
      .executeTakeFirstOrThrow();
    if (Number(row.n) >= cap.mails) return false;
    await enqueueMail(tx, input, now);
    return true;
  });
}

/**
 * Takes up to `limit` due mails for this process. Rows another process holds locked are skipped,
 * and a claimed row is leased until `claimed_until`, so two servers on one database never take the
 * same mail; a lease left by a process that died runs out, and the mail is taken again.
 */
export async function claimDueMail(db: Kysely<Tables>, claimant: string, now: Date, limit: number): Promise<QueuedMail[]> {
  const until = new Date(now.getTime() + CLAIM_LEASE_MS);
  const rows = await sql<Selectable<MailQueueTable>>`
    update mail_queue set claimed_by = ${claimant}, claimed_until = ${until}, attempts = attempts + 1
    where id in (
      select id from mail_queue
      where finished_at is null and next_attempt_at <= ${now} and (claimed_until is null or claimed_until <= ${now})
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked)
    returning *`.execute(db);
  return rows.rows.map((r) => ({ ...r, job: MailJob.parse(typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) }));
}

/** Marks a claimed mail done: "sent", or why it was not sent. `claimed_by` stays, naming the process that did it. */
export async function finishMail(db: Kysely<Tables>, id: string, claimant: string, outcome: string, now: Date): Promise<void> {
  await db
    .updateTable("mail_queue")
    .set({ finished_at: now, outcome, claimed_until: null })
    .where("id", "=", id)
    .where("claimed_by", "=", claimant)
    .execute();
}

/** Gives a claimed mail back after a failed attempt, due again after the backoff for its attempts so far. */
export async function retryMailLater(db: Kysely<Tables>, mail: QueuedMail, claimant: string, error: string, now: Date): Promise<Date> {
  const next = new Date(now.getTime() + retryDelayMs(mail.attempts));
  await db
    .updateTable("mail_queue")
    .set({ next_attempt_at: next, last_error: error.slice(0, 500), claimed_by: null, claimed_until: null })
    .where("id", "=", mail.id)
    .where("claimed_by", "=", claimant)
    .execute();
  return next;
}
