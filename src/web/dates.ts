/**
 * Dates and moments as the people reading them write them, never as "2026-11-30" or with seconds:
 * every date on every page is written here, in one locale and the browser's time zone.
 *
 * The locale is the browser's first English one, since Limber's words are English: a reader in
 * the United States gets "Monday, November 30", one in Britain "Monday 30 November". A browser
 * set to another language gets British English, so a date never switches language in the middle
 * of an English sentence.
 */

import { services } from "./app-services.ts";

/** The locale dates are written in, from the browser's languages in order of preference. */
export function dateLocale(languages: readonly string[] = typeof navigator === "undefined" ? [] : navigator.languages): string {
  return languages.find((l) => /^en(-|$)/i.test(l)) ?? "en-GB";
}

/** Where a date is written: the locale (dateLocale by default) and this year (by default the app's clock's). */
export interface DateWriting {
  locale?: string;
  thisYear?: number;
}

/** A calendar day (YYYY-MM-DD) written with `format`; its year always, never, or when it is not this year. */
function writeDay(day: string, format: Intl.DateTimeFormatOptions, o: DateWriting, year: "always" | "never" | "when other"): string {
  const withYear =
    year === "always" ||
    (year === "when other" && Number(day.slice(0, 4)) !== (o.thisYear ?? new Date(services().clock.wallNow()).getFullYear()));
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(o.locale ?? dateLocale(), {
    ...format,
    ...(withYear ? { year: "numeric" } : {}),
    timeZone: "UTC",
  });
}

/** A moment: "Tue 1 Dec, 23:09", in the browser's time zone. */
export const when = (iso: string, o: Pick<DateWriting, "locale"> = {}): string =>
  new Date(iso).toLocaleString(o.locale ?? dateLocale(), {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "numeric",
    minute: "2-digit",
  });

/** A calendar day in short: "Mon 30 Nov" (with the year when it is not this year). */
export const dayText = (day: string, o: DateWriting = {}): string =>
  writeDay(day, { weekday: "short", day: "numeric", month: "short" }, o, "when other");

/** A calendar day in full: "Monday 30 November" (with the year when it is not this year). */
export const longDayText = (day: string, o: DateWriting = {}): string =>
  writeDay(day, { weekday: "long", day: "numeric", month: "long" }, o, "when other");

/** A day and its month: "30 November" (with the year when it is not this year). */
export const dayMonthText = (day: string, o: DateWriting = {}): string => writeDay(day, { day: "numeric", month: "long" }, o, "when other");

/** A day and its month in short, for a chart's axis or a calendar's cell: "30 Nov". */
export const shortDayMonthText = (day: string, o: DateWriting = {}): string =>
  writeDay(day, { day: "numeric", month: "short" }, o, "never");

/** A month's short name, over a calendar's first day of it: "Nov". */
export const monthText = (day: string, o: DateWriting = {}): string => writeDay(day, { month: "short" }, o, "never");

/** A day always with its year, for what lasts (a saved program, an invite's last day): "30 November 2026". */
export const fullDayText = (day: string, o: Pick<DateWriting, "locale"> = {}): string =>
  writeDay(day, { day: "numeric", month: "long" }, o, "always");

/** A time of day, hours in two digits so an early one cannot be read as afternoon: "04:15" in Britain, "04:15 AM" in the United States. */
export const timeText = (iso: string, o: Pick<DateWriting, "locale"> = {}): string =>
  new Date(iso).toLocaleTimeString(o.locale ?? dateLocale(), { hour: "2-digit", minute: "2-digit" });
