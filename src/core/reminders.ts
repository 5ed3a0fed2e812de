import { addDays, weekdayOf, type CalendarDate } from "./calendar-date.ts";
import { isActiveOn, scheduledWeekdays, suggestedDays } from "./schedule-dates.ts";
import type { Schedule } from "./schedule.ts";

/** The calendar day and the minute of that day an instant falls on in a time zone. */
export function localMoment(at: Date, timeZone: string): { day: CalendarDate; minute: number } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { day: `${part("year")}-${part("month")}-${part("day")}`, minute: Number(part("hour")) * 60 + Number(part("minute")) };
}

/** "08:30" as minutes after midnight. */
export const minuteOfDay = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Whether a day is planned: by the coach's schedule when there is one, otherwise by the person's own sessions
 * a week. With neither (no plan chosen yet) no day is planned, so no reminder is sent for a plan nobody chose.
 */
export function isPlannedDay(day: CalendarDate, plan: { schedule: Schedule | null; daysPerWeek: number | null }): boolean {
  if (plan.schedule) return isActiveOn(plan.schedule, day) && scheduledWeekdays(plan.schedule).includes(weekdayOf(day));
  if (plan.daysPerWeek === null) return false;
  return suggestedDays(plan.daysPerWeek).includes(weekdayOf(day));
}

export interface ReminderFacts {
  now: Date;
  timeZone: string;
  /** "HH:MM" in the time zone. */
  reminderTime: string;
  plan: { schedule: Schedule | null; daysPerWeek: number | null };
  /** Local days with a session already done, at least today's when there is one. */
  practisedDays: ReadonlySet<CalendarDate>;
}

/**
 * What to do about today's reminder: nothing yet (not a planned day, or before the time), or a
 * decision for today — send it, or none because the session is already done. Deciding is done
 * once per person per day (the shell keeps the decision), so the same answer twice sends nothing twice.
 */
export function reminderDecision(f: ReminderFacts): { due: false } | { due: true; day: CalendarDate; outcome: "send" | "practised" } {
  const { day, minute } = localMoment(f.now, f.timeZone);
  if (!isPlannedDay(day, f.plan) || minute < minuteOfDay(f.reminderTime)) return { due: false };
  return { due: true, day, outcome: f.practisedDays.has(day) ? "practised" : "send" };
}

/** A coach's weekly summary is due from 08:00 on Monday in their time zone, for the week that ended on Sunday. */
export function summaryWeekDue(now: Date, timeZone: string): CalendarDate | null {
  const { day, minute } = localMoment(now, timeZone);
  return weekdayOf(day) === "mon" && minute >= 8 * 60 ? addDays(day, -1) : null;
}
