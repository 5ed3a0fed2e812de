import type { Kysely } from "kysely";
import { Schedule } from "../../core/schedule.ts";
import type { Tables } from "../db/tables.ts";
import { organisationOf } from "./session-logs.ts";
import { enqueueMail } from "./mail-queue.ts";

/** A person who asked for reminders and whose address is checked, with what their plan needs. */
export interface ReminderSubscriber {
  userId: string;
  organisationId: string;
  email: string;
  displayName: string;
  reminderTime: string;
  timeZone: string;
  /** The person's own plan; null until they choose one. */
  daysPerWeek: number | null;
  schedule: Schedule | null;
}

/** Everyone reminders may go to: reminders on, and the address checked. */
export async function reminderSubscribers(db: Kysely<Tables>, userId?: string): Promise<ReminderSubscriber[]> {
  let q = db
    .selectFrom("mail_settings as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .leftJoin("prescriptions as p", "p.user_id", "u.id")
    .select([
      "u.id",
      "u.organisation_id",
      "u.email",
      "u.display_name",
      "u.plan_days_per_week",
      "m.reminder_time",
      "m.time_zone",
      "p.schedule",
    ])
    .where("m.reminder_time", "is not", null)
    .whereRef("m.checked_email", "=", "u.email");
  if (userId) q = q.where("u.id", "=", userId);
  const rows = await q.execute();
  return rows.map((r) => {
    const schedule = r.schedule ? Schedule.safeParse(typeof r.schedule === "string" ? JSON.parse(r.schedule) : r.schedule) : null;
    return {
      userId: r.id,
      organisationId: r.organisation_id,
      email: r.email,
      displayName: r.display_name,
      reminderTime: r.reminder_time!,
      timeZone: r.time_zone,
      daysPerWeek: r.plan_days_per_week,
      schedule: schedule?.success ? schedule.data : null,
    };
  });
}

/** Whether the person practised on this local day: a session that held a hold (session_logs.practised), finished or ended early. */
export async function practisedOn(db: Kysely<Tables>, userId: string, day: string): Promise<boolean> {
  const row = await db
    .selectFrom("session_logs")
    .select("id")
    .where("user_id", "=", userId)
    // Named so the day is found in the (organisation_id, user_id, local_day) index.
    .where("organisation_id", "=", organisationOf(db, userId))
    .where("local_day", "=", day)
    .where("practised", "=", true)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Records today's reminder decision for a person, once ever per (person, day): the row's primary
 * key refuses a second one, whichever process or restart or clock tries. A "send" decision queues
 * its mail in the same transaction. Answers whether this call made the decision.
 */
export async function decideReminderDay(
  db: Kysely<Tables>,
  s: ReminderSubscriber,
  day: string,
  outcome: "send" | "practised",
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const made = await tx
      .insertInto("reminder_days")
      .values({ user_id: s.userId, local_day: day, organisation_id: s.organisationId, decided_at: now, outcome })
      .onConflict((oc) => oc.columns(["user_id", "local_day"]).doNothing())
      .returning("user_id")
      .executeTakeFirst();
    if (!made) return false;
    if (outcome === "send")
      await enqueueMail(tx, { job: { kind: "reminder", userId: s.userId, day }, recipient: s.email, userId: s.userId }, now);
    return true;
  });
}
