import { historyFacts, practiceEntryOf, type PainPoint } from "../../core/history.ts";
import type { SessionLog } from "../../core/session-log.ts";

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
 * What the History page shows, by core's historyFacts (the server's GET /api/history uses the same): practised
 * days (a session that held a hold), streak, how well the person's own plan was kept since it (or the first
 * session) started, and pain before and after. `dayOf` gives the device's local day of an instant.
 */
export function historyOf(
  logs: readonly SessionLog[],
  today: string,
  plan: { daysPerWeek: number; since: string } | null,
  dayOf: (iso: string) => string,
): HistoryView {
  const facts = historyFacts(
    logs.map((l) => practiceEntryOf(dayOf(l.startedAt), l)),
    today,
    plan,
  );
  return {
    today,
    sessions: facts.sessions,
    days: facts.days,
    streak: facts.streak,
    kept: facts.adherence && facts.since ? { rate: facts.adherence.rate, since: facts.since } : null,
    pain: facts.pain,
    daysRatedAfter: facts.daysRatedAfter,
    summary: facts.summary,
  };
}
