import type { Kysely, Transaction } from "kysely";
import type { Tables } from "../db/tables.ts";

/** What a person chose about mail, and whether their address is checked. */
export interface MailSettings {
  email: string;
  /** They opened a check link sent to their current address. */
  emailChecked: boolean;
  /** "HH:MM" on planned days, in `timeZone`; null for no reminders. */
  reminderTime: string | null;
  timeZone: string;
  /** A coach's weekly summary of their clients. */
  weeklySummary: boolean;
}

type Db = Kysely<Tables> | Transaction<Tables>;

/** The settings of a user (defaults when they never chose), or undefined for no such user. */
export async function readMailSettings(db: Db, userId: string): Promise<MailSettings | undefined> {
  const row = await db
    .selectFrom("users as u")
    .leftJoin("mail_settings as m", "m.user_id", "u.id")
    .select(["u.email", "m.checked_email", "m.reminder_time", "m.time_zone", "m.weekly_summary"])
    .where("u.id", "=", userId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    email: row.email,
    emailChecked: row.checked_email === row.email,
    reminderTime: row.reminder_time ?? null,
    timeZone: row.time_zone ?? "UTC",
    weeklySummary: row.weekly_summary ?? false,
  };
}

/** Changes some settings of a user, making their row when they have none. */
export async function saveMailSettings(
  db: Db,
  userId: string,
  change: Partial<{ reminder_time: string | null; time_zone: string; weekly_summary: boolean; checked_email: string | null }>,
  now: Date,
): Promise<void> {
  const user = await db.selectFrom("users").select("organisation_id").where("id", "=", userId).executeTakeFirstOrThrow();
  await db
    .insertInto("mail_settings")
    .values({ user_id: userId, organisation_id: user.organisation_id, updated_at: now, ...change })
    .onConflict((oc) => oc.column("user_id").doUpdateSet({ ...change, updated_at: now }))
    .execute();
}
