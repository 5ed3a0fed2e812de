import { heldAnyHold } from "../../core/session-summary.ts";
import type { SessionLog } from "../../core/session-log.ts";

/** The local calendar day of an instant, as YYYY-MM-DD, in the device's time zone. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function previousDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return localDay(new Date(y, m - 1, d - 1, 12).getTime());
}

/**
 * Days in a row practised (a session that held at least one hold, see `heldAnyHold`), counting back from today. A streak that
 * ended yesterday still counts, so the morning before today's session does not show zero.
 */
export function streakDays(logs: readonly SessionLog[], todayMs: number): number {
  const days = new Set(logs.filter((l) => heldAnyHold(l.holds)).map((l) => localDay(Date.parse(l.startedAt))));
  let day = localDay(todayMs);
  if (!days.has(day)) day = previousDay(day);
  let count = 0;
  while (days.has(day)) {
    count++;
    day = previousDay(day);
  }
  return count;
}
