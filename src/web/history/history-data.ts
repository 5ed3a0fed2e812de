import { adherence, painSeries, painTrendSummary, practisedDays, streak, type PainPoint, type PracticeEntry } from "../../core/history.ts";
import type { SessionLog } from "../../core/session-log.ts";
import { heldAnyHold } from "../../core/session-summary.ts";

/** The sessions of this device and of the server as one list, each session once (by its log id), oldest first. */
export function mergeLogs(device: readonly SessionLog[], server: readonly SessionLog[]): SessionLog[] {
  const byId = new Map<string, SessionLog>();
  for (const log of server) byId.set(log.id, log);
  for (const log of device) byId.set(log.id, log);
  return [...byId.values()].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
}

export interface HistoryView {
  today: string;
  sessions: number;
  days: string[];
  streak: number;
  /** Share of planned days kept since the plan (or the first session) started; null without a plan of the person's own. */
  kept: { rate: number; since: string } | null;
  pain: PainPoint[];
  /** Days with a pain score after a session: a trend needs two. */
  daysRatedAfter: number;
  summary: string;
}

/**
 * What the History page shows, from the sessions themselves: practised days (a session that held a
 * hold), streak, how well the person's own plan was kept since it (or the first session) started,
 * and pain before and after. `dayOf` gives the device's local day of an instant.
 */
export function historyOf(
  logs: readonly SessionLog[],
  today: string,
  plan: { daysPerWeek: number; since: string } | null,
  dayOf: (iso: string) => string,
): HistoryView {
  const entries: PracticeEntry[] = logs.map((l) => ({
    day: dayOf(l.startedAt),
    completed: l.completed,
    held: heldAnyHold(l.holds),
    painBefore: l.painBefore,
    painAfter: l.painAfter,
  }));
  const days = practisedDays(entries);
  const pain = painSeries(entries);
  const firstDay = entries.map((e) => e.day).sort()[0];
  const since = plan ? [plan.since, firstDay ?? plan.since].sort()[0]! : null;
  return {
    today,
    sessions: logs.length,
    days,
    streak: streak(days, today),
    kept: plan && since ? { rate: adherence(days, plan.daysPerWeek, today, 12, since).rate, since } : null,
    pain,
    daysRatedAfter: new Set(entries.filter((e) => e.painAfter !== null).map((e) => e.day)).size,
    summary: painTrendSummary(pain, today, 4),
  };
}
