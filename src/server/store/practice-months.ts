import { sql, type RawBuilder } from "kysely";
import type { CalendarDate } from "../../core/calendar-date.ts";

/**
 * Reading practice_months (migration 0013) over a window of days. A row is one client's calendar
 * month: `practised_days` has bit d - 1 set for each practised day d, `session_days` holds each
 * session's day of the month, ascending, and `arrivals` each session's arrival time and day,
 * ascending. A window of at most 31 days touches its first month and perhaps the next, so a
 * client costs at most two rows, found by the table's key, whatever their history.
 */

/** The days of one month inside a window, first and last included. */
export interface MonthSlice {
  month: string;
  first: number;
  last: number;
}

/** The months a window of at most 31 days touches (one or two), each with its days inside the window. */
export function monthsOfWindow(from: CalendarDate, to: CalendarDate): MonthSlice[] {
  const [a, b] = [from.slice(0, 7), to.slice(0, 7)];
  const [first, last] = [Number(from.slice(8, 10)), Number(to.slice(8, 10))];
  return a === b
    ? [{ month: a, first, last }]
    : [
        { month: a, first, last: 31 },
        { month: b, first: 1, last },
      ];
}

/** The days of `month` inside a window, or null when the window leaves it out. */
export function sliceOf(month: string, from: CalendarDate, to: CalendarDate): MonthSlice | null {
  return monthsOfWindow(from, to).find((s) => s.month === month) ?? null;
}

/**
 * The join of practice_months as `m` for one client and one month, or of practice_days (migration
 * 0014: the same rows' practised-day bits alone, indexed by organisation first).
 */
export function monthJoin(
  m: string,
  slice: MonthSlice | undefined,
  table: "practice_months" | "practice_days" = "practice_months",
): RawBuilder<unknown> {
  if (slice === undefined) return sql``;
  const t = sql.table(table);
  const ref = (c: string) => sql.ref(`${m}.${c}`);
  return sql`left join ${t} as ${sql.id(m)} on ${ref("user_id")} = u.id and ${ref("organisation_id")} = u.organisation_id and ${ref("month")} = ${slice.month}`;
}

/** Month row `m`'s practised-day bits, kept only for the days of `slice` (0 without a row or a slice). */
export function practisedBitsIn(m: string, slice: MonthSlice | null | undefined): RawBuilder<number> {
  if (!slice) return sql<number>`0`;
  const mask = 2 ** slice.last - 2 ** (slice.first - 1);
  return sql<number>`coalesce(${sql.ref(`${m}.practised_days`)} & ${mask}::int, 0)`;
}

/** How many practised days month row `m` has in `slice`. */
export function practisedDaysIn(m: string, slice: MonthSlice | null | undefined): RawBuilder<number> {
  return sql<number>`bit_count(${practisedBitsIn(m, slice)}::bit(32))`;
}

/** How many sessions month row `m` has on the days of `slice`: two binary searches of its sorted days. */
export function sessionsIn(m: string, slice: MonthSlice | null | undefined): RawBuilder<number> {
  if (!slice) return sql<number>`0`;
  const days = sql.ref(`${m}.session_days`);
  return sql<number>`coalesce(width_bucket(${slice.last}::int, ${days}) - width_bucket(${slice.first - 1}::int, ${days}), 0)`;
}

/**
 * How many sessions month row `m` has on the days of `slice` that arrived after `since`: a binary
 * search finds the arrivals after it (the end of the sorted array), and only those are read.
 */
export function sessionsArrivedIn(m: string, slice: MonthSlice | null | undefined, since: Date): RawBuilder<number> {
  if (!slice) return sql<number>`0`;
  const arrivals = sql.ref(`${m}.arrivals`);
  // The largest arrival at `since`: its microseconds, times 32, plus the largest day.
  const key = sql`${(BigInt(since.getTime()) * 1000n * 32n + 31n).toString()}::bigint`;
  return sql<number>`coalesce(case when ${arrivals}[cardinality(${arrivals})] > ${key} then
    (select count(*) from unnest(${arrivals}[width_bucket(${key}, ${arrivals}) + 1:]) a where a % 32 between ${slice.first} and ${slice.last})
    else 0 end, 0)`;
}

/** The dates of a month's days 1-31 (index d - 1), made once per month asked: a dashboard asks the same two for every client. */
const monthDates = new Map<string, CalendarDate[]>();

/** The practised days a month's bits stand for, in order (appended to `out`). */
export function practisedDates(month: string, bits: number, out: CalendarDate[] = []): CalendarDate[] {
  let dates = monthDates.get(month);
  if (dates === undefined) {
    dates = Array.from({ length: 31 }, (_, i) => `${month}-${String(i + 1).padStart(2, "0")}`);
    if (monthDates.size >= 64) monthDates.clear();
    monthDates.set(month, dates);
  }
  for (let d = 0; d < 31 && bits >>> d !== 0; d++) if (bits & (1 << d)) out.push(dates[d]!);
  return out;
}
