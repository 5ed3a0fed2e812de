import { z } from "zod";
import { datesFrom, isCalendarDate, WEEKDAYS, weekdayOf, type CalendarDate, type Weekday } from "./calendar-date.ts";

/** A real calendar date written YYYY-MM-DD, as every API query and body takes it. */
export const CalendarDay = z.string().refine(isCalendarDate, { message: "expected a date written YYYY-MM-DD" });
const calendarDate = CalendarDay;

/**
 * When sessions are planned: on fixed days of the week, or a number of times a week (which
 * the calendar spreads over suggested days, but any day done counts).
 */
export const Schedule = z
  .object({
    kind: z.enum(["weekdays", "per-week"]),
    days: z.array(z.enum(WEEKDAYS)).max(7).default([]),
    timesPerWeek: z.number().int().min(1).max(7).nullable().default(null),
    startDate: calendarDate,
    endDate: calendarDate.nullable().default(null),
  })
  .superRefine((s, ctx) => {
    if (s.kind === "weekdays" && s.days.length === 0)
      ctx.addIssue({ code: "custom", path: ["days"], message: "choose at least one day of the week" });
    if (s.kind === "weekdays" && new Set(s.days).size !== s.days.length)
      ctx.addIssue({ code: "custom", path: ["days"], message: "each day may appear once" });
    if (s.kind === "per-week" && s.timesPerWeek === null)
      ctx.addIssue({ code: "custom", path: ["timesPerWeek"], message: "say how many times a week, from 1 to 7" });
    if (s.endDate !== null && s.endDate < s.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "the end date must not be before the start date" });
  });
export type Schedule = z.infer<typeof Schedule>;

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
