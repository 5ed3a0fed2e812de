import { createHash } from "node:crypto";
import { createEvents, type EventAttributes } from "ics";
import { addDays, type CalendarDate } from "../../core/calendar-date.ts";
import { plannedDates, type Schedule } from "../../core/schedule.ts";
import { count } from "../../core/words.ts";

/** How far back and ahead a subscribed calendar sees planned sessions. */
export const FEED_DAYS_BACK = 14;
export const FEED_DAYS_AHEAD = 120;

export interface FeedInput {
  /** Keeps event ids stable for one person across refreshes, without showing who they are. */
  ownerId: string;
  schedule: Schedule | null;
  programTitle: string;
  minutes: number;
  today: CalendarDate;
}

const parts = (d: CalendarDate): [number, number, number] => [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];

/**
 * The planned sessions as an iCalendar document: one all-day event per planned day, with a
 * reminder at 9 in the morning. It says only that a stretching session is planned — no pain
 * scores or notes — since a phone's calendar is shared with more apps than Limber.
 */
export function calendarFeed(input: FeedInput): string {
  const seed = createHash("sha256").update(input.ownerId).digest("hex").slice(0, 16);
  const dates = input.schedule
    ? plannedDates(input.schedule, addDays(input.today, -FEED_DAYS_BACK), addDays(input.today, FEED_DAYS_AHEAD))
    : [];
  const events: EventAttributes[] = dates.map((d) => ({
    uid: `${d}-${seed}@limber`,
    start: parts(d),
    end: parts(addDays(d, 1)),
    title: `Stretching: ${input.programTitle}`,
    description: `About ${count(input.minutes, "minute")}. Open Limber and press Start session.`,
    productId: "limber/calendar",
    calName: "Limber sessions",
    alarms: [{ action: "display", description: "Time for your stretches", trigger: { hours: 9, minutes: 0, before: false } }],
  }));
  if (events.length === 0) return emptyCalendar();
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error("the calendar feed could not be written");
  return value;
}

function emptyCalendar(): string {
  return [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:limber/calendar",
    "CALSCALE:GREGORIAN",
    "X-WR-CALNAME:Limber sessions",
    "END:VCALENDAR",
    "",
  ].join("\r\n");
}
