import { daysBetween } from "../../core/calendar-date.ts";
import { count } from "../../core/words.ts";

/** "today", "yesterday", "3 days ago" for a day before or on `today`. */
export function daysAgo(day: string, today: string): string {
  const n = daysBetween(day, today);
  if (n <= 0) return "today";
  if (n === 1) return "yesterday";
  return `${count(n, "day")} ago`;
}

/** "12 of 25 holds" (or "12 holds" when the total is unknown), never just "completed". */
export function holdsText(holds: { done: number; planned: number | null }): string {
  return holds.planned === null ? count(holds.done, "hold") : `${holds.done} of ${count(holds.planned, "hold")}`;
}

/** The dashboard's filters: everyone, or one of the groups the summary counts. */
export type ClientFilter = "all" | "attention" | "no-plan" | "stopped";

/** Whether a dashboard row shows under a filter and a search by name (any part, any case). */
export function showsUnder(
  c: { displayName: string; programId: string | null; standing: { flags: { kind: string }[] } },
  filter: ClientFilter,
  search: string,
): boolean {
  const wanted = search.trim().toLocaleLowerCase();
  if (wanted && !c.displayName.toLocaleLowerCase().includes(wanted)) return false;
  if (filter === "attention") return c.standing.flags.length > 0;
  if (filter === "no-plan") return c.programId === null;
  if (filter === "stopped") return c.standing.flags.some((f) => f.kind === "stopped");
  return true;
}
