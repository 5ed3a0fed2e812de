import { dateOfDayNumber, dayNumber, WEEKDAYS, weekdayOf, type CalendarDate, type Weekday } from "./calendar-date.ts";
import type { Schedule } from "./schedule.ts";

/** Days that spread `times` sessions evenly through a week, starting on Monday. */
export function suggestedDays(times: number): Weekday[] {
  const n = Math.max(1, Math.min(7, Math.round(times)));
  const picked = new Set<Weekday>();
  for (let i = 0; i < n; i++) picked.add(WEEKDAYS[Math.floor((i * 7) / n)]!);
  return WEEKDAYS.filter((d) => picked.has(d));
}

/** The days of the week a schedule puts sessions on. */
export function scheduledWeekdays(schedule: Schedule): Weekday[] {
  return schedule.kind === "weekdays" ? WEEKDAYS.filter((d) => schedule.days.includes(d)) : suggestedDays(schedule.timesPerWeek ?? 1);
}

/** Whether a schedule is running on a date (between its start and end dates). */
export function isActiveOn(schedule: Schedule, date: CalendarDate): boolean {
  return date >= schedule.startDate && (schedule.endDate === null || date <= schedule.endDate);
}

/** Every planned session date from `from` to `to`, both included. */
export function plannedDates(schedule: Schedule, from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const days = new Set(scheduledWeekdays(schedule).map((d) => WEEKDAYS.indexOf(d)));
  const first = from > schedule.startDate ? from : schedule.startDate;
  const last = schedule.endDate !== null && schedule.endDate < to ? schedule.endDate : to;
  if (last < first) return [];
  // Walks day numbers, not strings: a dashboard asks this for every client, and only planned days are written out.
  const out: CalendarDate[] = [];
  const end = dayNumber(last);
  let weekday = WEEKDAYS.indexOf(weekdayOf(first));
  for (let n = dayNumber(first); n <= end; n++, weekday = (weekday + 1) % 7) if (days.has(weekday)) out.push(dateOfDayNumber(n));
  return out;
}

/**
 * How many sessions a schedule plans from `from` to `to`, both included: plannedDates(...).length
 * without writing a date out, in time that does not grow with the span (whole weeks are counted
 * at once). A dashboard asks this several times for every client, some over a plan's whole life.
 */
export function plannedCount(schedule: Schedule, from: CalendarDate, to: CalendarDate): number {
  const days = new Set(scheduledWeekdays(schedule).map((d) => WEEKDAYS.indexOf(d)));
  const first = from > schedule.startDate ? from : schedule.startDate;
  const last = schedule.endDate !== null && schedule.endDate < to ? schedule.endDate : to;
  if (last < first) return 0;
  const start = dayNumber(first);
  const span = dayNumber(last) - start + 1;
  const weeks = Math.floor(span / 7);
  let count = weeks * days.size;
  let weekday = WEEKDAYS.indexOf(weekdayOf(first));
  for (let i = weeks * 7; i < span; i++, weekday = (weekday + 1) % 7) if (days.has(weekday)) count++;
  return count;
}
