import { z } from "zod";
import { EARLIEST_YEAR, isYearInRange, LATEST_YEAR } from "./bounds.ts";
import { isCalendarDate, WEEKDAYS } from "./calendar-date.ts";

/** A real calendar date written YYYY-MM-DD, as every API query and body takes it. */
export const CalendarDay = z
  .string()
  .refine(isCalendarDate, { message: "expected a date written YYYY-MM-DD" })
  .refine((d) => isYearInRange(Number(d.slice(0, 4))), { message: `expected a date in the years ${EARLIEST_YEAR} to ${LATEST_YEAR}` });
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
      ctx.addIssue({ code: "custom", path: ["days"], message: "Choose at least one day of the week." });
    if (s.kind === "weekdays" && new Set(s.days).size !== s.days.length)
      ctx.addIssue({ code: "custom", path: ["days"], message: "Choose each day once." });
    if (s.kind === "per-week" && s.timesPerWeek === null)
      ctx.addIssue({ code: "custom", path: ["timesPerWeek"], message: "Say how many times a week, from 1 to 7." });
    if (s.endDate !== null && s.endDate < s.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "Choose an end date on or after the start date." });
  });
export type Schedule = z.infer<typeof Schedule>;

// The date rules live in a zod-free module, so a page that only reads a plan ships no schema code.
export { isActiveOn, plannedCount, plannedDates, scheduledWeekdays, suggestedDays } from "./schedule-dates.ts";
