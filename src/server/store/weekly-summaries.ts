import type { Kysely } from "kysely";
import type { Tables } from "../db/tables.ts";
import { enqueueMail } from "./mail-queue.ts";

export interface SummarySubscriber {
  userId: string;
  organisationId: string;
  email: string;
  timeZone: string;
}

/** Coaches who turned the weekly summary on, with a checked address. */
export async function summarySubscribers(db: Kysely<Tables>): Promise<SummarySubscriber[]> {
  const rows = await db
    .selectFrom("mail_settings as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.organisation_id", "u.email", "m.time_zone"])
    .where("m.weekly_summary", "=", true)
    .where("u.role", "=", "coach")
    .whereRef("m.checked_email", "=", "u.email")
    .execute();
  return rows.map((r) => ({ userId: r.id, organisationId: r.organisation_id, email: r.email, timeZone: r.time_zone }));
}

/** Queues a coach's summary for a week once ever (the primary key refuses a second); answers whether this call did. */
export async function decideSummaryWeek(db: Kysely<Tables>, s: SummarySubscriber, weekEnding: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const made = await tx
      .insertInto("weekly_summaries")
      .values({ user_id: s.userId, week_ending: weekEnding, organisation_id: s.organisationId, decided_at: now })
      .onConflict((oc) => oc.columns(["user_id", "week_ending"]).doNothing())
      .returning("user_id")
      .executeTakeFirst();
    if (!made) return false;
    await enqueueMail(tx, { job: { kind: "weekly-summary", userId: s.userId, weekEnding }, recipient: s.email, userId: s.userId }, now);
    return true;
  });
}
