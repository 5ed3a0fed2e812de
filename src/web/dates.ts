/**
 * Dates and moments as the people reading them write them: in their browser's own locale and
 * time zone, never as "2026-11-30" or with seconds.
 */

import { services } from "./app-services.ts";

/** A moment: "Tue 1 Dec, 23:09". */
export const when = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" });

/**
 * A calendar day (YYYY-MM-DD): "Mon 30 Nov", with the year when it is not `thisYear` (by default the
 * app's clock's year); in the browser's locale unless one is given.
 */
export function dayText(day: string, o: { thisYear?: number; locale?: string } = {}): string {
  const sameYear = Number(day.slice(0, 4)) === (o.thisYear ?? new Date(services().clock.wallNow()).getFullYear());
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(o.locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    ...(sameYear ? {} : { year: "numeric" }),
    timeZone: "UTC",
  });
}
