import { addDays, dateInWords, localDateOf, type CalendarDate } from "./calendar-date.ts";
import { HIGH_PAIN } from "./pain-rule.ts";
import { plannedCount, type Schedule } from "./schedule.ts";

/** The parts of a logged session that adherence and flags look at. */
export interface LoggedSession {
  startedAt: string;
  completed: boolean;
  painBefore: number | null;
  painAfter: number | null;
  /**
   * Whether it held at least one hold (heldAnyHold in session-summary.ts). A session without is kept and its
   * pain is read, but it is no practice, so it does not end a stop. Absent means it held.
   */
  held?: boolean;
}

export interface Adherence {
  planned: number;
  done: number;
  /** done / planned, at most 1; null when nothing was planned. */
  ratio: number | null;
}

/**
 * Sessions done against sessions planned in the `days` days ending on `today` (included). A day
 * counts once however many sessions it has, and any day counts: practising on Tuesday instead of
 * Monday keeps a client adherent.
 */
export function adherenceOver(schedule: Schedule | null, sessions: LoggedSession[], today: CalendarDate, days: number): Adherence {
  const from = addDays(today, -(days - 1));
  const practised = new Set(sessions.map((s) => localDateOf(s.startedAt)).filter((d) => d >= from && d <= today));
  if (schedule === null) return { planned: 0, done: practised.size, ratio: null };
  const planned = plannedCount(schedule, from, today);
  const done = Math.min(practised.size, planned);
  return { planned, done, ratio: planned === 0 ? null : done / planned };
}

export type FlagKind = "pain-high" | "pain-rising" | "stopped";

export interface Flag {
  kind: FlagKind;
  /** A sentence a coach can read at a glance. */
  message: string;
}

// Pain after at HIGH_PAIN or more is the coach's pain-high flag; the same rule answers the client (pain-rule.ts).
export { HIGH_PAIN };
/** Pain after rising across this many rated sessions in a row is flagged. */
export const PAIN_RISING_SESSIONS = 3;
/** This many planned days missed since the last session flags a client as stopped. */
export const MISSED_DAYS_FOR_STOPPED = 3;

const byTime = (a: LoggedSession, b: LoggedSession) => a.startedAt.localeCompare(b.startedAt);

/**
 * What a coach should look at for one client: pain after the last session at 7 or more, pain
 * after rising across the last three sessions, or three planned days missed since the last practised day.
 */
export function flagsFor(schedule: Schedule | null, sessions: LoggedSession[], today: CalendarDate): Flag[] {
  const flags: Flag[] = [];
  const rated = sessions.filter((s) => s.painAfter !== null).sort(byTime);
  const last = rated.at(-1);
  if (last && last.painAfter! >= HIGH_PAIN) {
    flags.push({ kind: "pain-high", message: `Pain after the last session was ${last.painAfter} out of 10.` });
  }
  const lastFew = rated.slice(-PAIN_RISING_SESSIONS);
  const rising = lastFew.length === PAIN_RISING_SESSIONS && lastFew.every((s, i) => i === 0 || s.painAfter! > lastFew[i - 1]!.painAfter!);
  if (rising) {
    flags.push({
      kind: "pain-rising",
      message: `Pain after sessions rose over the last three: ${lastFew.map((s) => s.painAfter).join(", ")}.`,
    });
  }
  if (schedule !== null) {
    const lastDate = sessions
      .filter((s) => s.held !== false)
      .map((s) => localDateOf(s.startedAt))
      .sort()
      .at(-1);
    // Today is not over yet, so only days before it can have been missed.
    const since = lastDate === undefined ? schedule.startDate : addDays(lastDate, 1);
    const missed = since <= addDays(today, -1) ? plannedCount(schedule, since, addDays(today, -1)) : 0;
    if (missed >= MISSED_DAYS_FOR_STOPPED) {
      const when = lastDate === undefined ? "Nothing practised yet" : `Nothing practised since ${dateInWords(lastDate, today)}`;
      flags.push({ kind: "stopped", message: `${when}: ${missed} planned days missed.` });
    }
  }
  return flags;
}

/** How much a client needs attention, for sorting a dashboard: flags first, then low adherence. */
export function attentionScore(flags: Flag[], adherence: Adherence): number {
  const weights: Record<FlagKind, number> = { "pain-high": 100, "pain-rising": 60, stopped: 40 };
  const fromFlags = flags.reduce((sum, f) => sum + weights[f.kind], 0);
  return fromFlags + (adherence.ratio === null ? 0 : Math.round((1 - adherence.ratio) * 30));
}
