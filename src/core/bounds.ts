import { z } from "zod";

/**
 * The limits every number and date from outside must keep, in one place: integers within the
 * database's `integer` column, years a person's records can have, offsets real time zones use.
 * A value outside them is a 400 naming the field, never a database error.
 */
export const INTEGER_MAX = 2_147_483_647;
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2200;
/** The widest offset any time zone uses (Kiribati is +14:00, Baker Island -12:00). */
export const MAX_OFFSET_MINUTES = 14 * 60;

/** A whole number from `min` to `max` (at most the database's integer), with a message that says so. */
export function wholeNumber(min: number, max: number = INTEGER_MAX) {
  const message = `expected a whole number from ${min} to ${max}`;
  return z.number({ message }).int(message).min(min, message).max(Math.min(max, INTEGER_MAX), message);
}

/** A program version as stored: 1 up to the database's integer. */
export const VersionNumber = wholeNumber(1);

/** Whether a year (as written) is one Limber stores: 1900 to 2200. */
export function isYearInRange(year: number): boolean {
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

const OFFSET = /(?:Z|([+-])(\d{2}):?(\d{2}))$/i;

/** Minutes east of UTC written at the end of an ISO timestamp ("Z" is 0), or undefined when it has none. */
export function offsetMinutesOf(timestamp: string): number | undefined {
  const m = OFFSET.exec(timestamp);
  if (!m) return undefined;
  if (!m[1]) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * A moment written as ISO 8601 with its offset (2026-11-20T08:00:00+01:00), in years 1900 to 2200
 * and with an offset within ±14:00, so it is stored and read back exactly.
 */
export const Timestamp = z
  .string()
  .datetime({ offset: true, message: "expected a time written like 2026-11-20T08:00:00+01:00" })
  .refine((t) => isYearInRange(Number(t.slice(0, 4))), { message: `expected a year from ${EARLIEST_YEAR} to ${LATEST_YEAR}` })
  .refine((t) => Math.abs(offsetMinutesOf(t) ?? 0) <= MAX_OFFSET_MINUTES, { message: "expected a time-zone offset from -14:00 to +14:00" });
