/**
 * Calendar dates as plain "YYYY-MM-DD" strings. Arithmetic goes through UTC midnight so it is
 * the same in every time zone and never reads a clock.
 */
export type CalendarDate = string;

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (so 2026-02-30 is false). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const longDay = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
const longDayOfYear = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** "Thursday 19 November" as a person reads a date, with the year only when it is not `today`'s. */
export function dateInWords(date: CalendarDate, today: CalendarDate): string {
  const format = date.slice(0, 4) === today.slice(0, 4) ? longDay : longDayOfYear;
  return format.format(toUtc(date)).replace(",", "");
}

/** Whole days since 1970-01-01 (negative before it). */
export function dayNumber(date: CalendarDate): number {
  return Math.round(toUtc(date) / DAY_MS);
}

/** The date `n` whole days after 1970-01-01 (the inverse of dayNumber). */
export function dateOfDayNumber(n: number): CalendarDate {
  return fromUtc(n * DAY_MS);
}

/** The Monday starting the week a date falls in. */
export function weekStartOf(date: CalendarDate): CalendarDate {
  return addDays(date, -WEEKDAYS.indexOf(weekdayOf(date)));
}

/** Dates already turned into time: a dashboard turns the same few for every client (kept small). */
const times = new Map<CalendarDate, number>();

function toUtc(date: CalendarDate): number {
  let t = times.get(date);
  if (t === undefined) {
    const m = DATE.exec(date);
    if (!m) throw new Error(`not a calendar date: ${date}`);
    t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (times.size >= 4096) times.clear();
    times.set(date, t);
  }
  return t;
}

function fromUtc(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/** Answers of addDays already worked out: a dashboard asks the same few for every client (kept small). */
const added = new Map<string, CalendarDate>();

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const key = `${date}|${days}`;
  let out = added.get(key);
  if (out === undefined) {
    out = fromUtc(toUtc(date) + days * DAY_MS);
    if (added.size >= 4096) added.clear();
    added.set(key, out);
  }
  return out;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

export function weekdayOf(date: CalendarDate): Weekday {
  // 1970-01-01 was a Thursday.
  const index = (Math.floor(toUtc(date) / DAY_MS) + 3) % 7;
  return WEEKDAYS[(index + 7) % 7]!;
}

/** Every date from `from` to `to`, both included; empty when `to` is before `from`. */
export function datesFrom(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const out: CalendarDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * The calendar date on which an ISO timestamp fell for the person who made it: the date part of
 * the timestamp as written, since clients write their local time with its offset.
 */
export function localDateOf(isoTimestamp: string): CalendarDate {
  return isoTimestamp.slice(0, 10);
}
