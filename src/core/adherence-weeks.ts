import type { Adherence } from "./adherence.ts";
import { plannedCount } from "./schedule-dates.ts";
import { addDays, type CalendarDate } from "./calendar-date.ts";
import type { ClientStanding } from "./client-standing.ts";
import type { Schedule } from "./schedule.ts";

/** Sessions planned and done in one 7-day window, `from` and `to` included. */
export interface WeekAdherence extends Adherence {
  from: CalendarDate;
  to: CalendarDate;
}

/**
 * Planned against done for each of the `weeks` 7-day windows ending today, oldest first, from the
 * distinct days practised (the same counting as adherenceOver: a day counts once, any day counts,
 * done is at most planned). Planned days are counted, not listed (plannedCount).
 */
export function adherenceByWeek(schedule: Schedule | null, practisedDays: CalendarDate[], today: CalendarDate, weeks = 4): WeekAdherence[] {
  const practised = new Set(practisedDays);
  const out: WeekAdherence[] = [];
  for (const { from, to } of windowsEnding(today, weeks)) {
    let done = 0;
    for (const d of practised) if (d >= from && d <= to) done++;
    if (schedule === null) {
      out.push({ from, to, planned: 0, done, ratio: null });
      continue;
    }
    const p = plannedCount(schedule, from, to);
    out.push({ from, to, planned: p, done: Math.min(done, p), ratio: p === 0 ? null : Math.min(done, p) / p });
  }
  return out;
}

/** The 7-day windows ending today, oldest first; a dashboard asks the same ones for every client (kept small). */
const windows = new Map<string, { from: CalendarDate; to: CalendarDate }[]>();

function windowsEnding(today: CalendarDate, weeks: number): { from: CalendarDate; to: CalendarDate }[] {
  const key = `${today}|${weeks}`;
  let out = windows.get(key);
  if (out === undefined) {
    out = [];
    for (let i = weeks - 1; i >= 0; i--) {
      const to = addDays(today, -7 * i);
      out.push({ from: addDays(to, -6), to });
    }
    if (windows.size >= 64) windows.clear();
    windows.set(key, out);
  }
  return out;
}

/** The counts at the top of a coach's dashboard. */
export interface PracticeSummary {
  clients: number;
  needAttention: number;
  sessionsThisWeek: number;
  /** Clients flagged as having stopped (planned days missed since their last session). */
  stopped: number;
  noPlan: number;
}

/** Adds up the dashboard's rows into the counts shown above them. */
export function practiceSummary(rows: { standing: ClientStanding; sessionsThisWeek: number; programId: string | null }[]): PracticeSummary {
  return {
    clients: rows.length,
    needAttention: rows.filter((r) => r.standing.flags.length > 0).length,
    sessionsThisWeek: rows.reduce((sum, r) => sum + r.sessionsThisWeek, 0),
    stopped: rows.filter((r) => r.standing.flags.some((f) => f.kind === "stopped")).length,
    noPlan: rows.filter((r) => r.programId === null).length,
  };
}
