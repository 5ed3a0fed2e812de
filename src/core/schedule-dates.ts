import { datesFrom, WEEKDAYS, weekdayOf, type CalendarDate, type Weekday } from "./calendar-date.ts";
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
  const days = scheduledWeekdays(schedule);
  return datesFrom(from, to).filter((d) => isActiveOn(schedule, d) && days.includes(weekdayOf(d)));
}
