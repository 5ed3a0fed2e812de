import {
  adherenceOver,
  attentionScore,
  flagsFor,
  PAIN_RISING_SESSIONS,
  type Adherence,
  type Flag,
  type LoggedSession,
} from "./adherence.ts";
import { addDays, type CalendarDate } from "./calendar-date.ts";
import type { Schedule } from "./schedule.ts";

/** The longest window a standing looks at: adherence "last 28 days". */
export const STANDING_DAYS = 28;
/** How many of the latest sessions with a pain-after score the pain flags read. */
export const RATED_SESSIONS = PAIN_RISING_SESSIONS;

/**
 * The first day of the standing window ending on `today` (today included). The SQL that gathers
 * ClientFacts (src/server/store/dashboard.ts) takes this day and RATED_SESSIONS from here.
 */
export function standingWindowStart(today: CalendarDate): CalendarDate {
  return addDays(today, -(STANDING_DAYS - 1));
}

/**
 * What the database hands over for one client, already aggregated: the distinct days practised
 * in the standing window, the last session ever, and the last RATED_SESSIONS sessions with a
 * pain-after score (however long ago). The dashboard and the client page both read these from
 * one query, so they cannot judge the same client differently.
 */
export interface ClientFacts {
  schedule: Schedule | null;
  /**
   * Distinct practised days (YYYY-MM-DD) in the STANDING_DAYS days ending today: days with a session
   * that held at least one hold (heldAnyHold in session-summary.ts; the database keeps it as session_logs.practised).
   */
  recentDays: CalendarDate[];
  /** The latest practised day, or null when there is none. */
  lastDay: CalendarDate | null;
  /** Up to RATED_SESSIONS sessions with pain after rated, oldest first. */
  lastRated: { day: CalendarDate; painBefore: number | null; painAfter: number }[];
}

/** How one client stands today: adherence over 7 and 28 days, flags and how much attention they need. */
export interface ClientStanding {
  week: Adherence;
  month: Adherence;
  flags: Flag[];
  attention: number;
}

const session = (day: CalendarDate, painBefore: number | null, painAfter: number | null): LoggedSession => ({
  // A bare day sorts and dates the same as a full timestamp of that day; callers pass days in order.
  startedAt: day,
  completed: true,
  painBefore,
  painAfter,
});

/**
 * The same judgements as adherenceOver and flagsFor, made from aggregated facts instead of every
 * log, so a dashboard never loads a client's whole history.
 */
export function standingOf(facts: ClientFacts, today: CalendarDate): ClientStanding {
  const recent = facts.recentDays.map((d) => session(d, null, null));
  const week = adherenceOver(facts.schedule, recent, today, 7);
  const month = adherenceOver(facts.schedule, recent, today, STANDING_DAYS);
  // Rated sessions are read for pain; the latest practised day, lastDay, alone says when practice stopped.
  const forFlags: LoggedSession[] = facts.lastRated.map((r) => ({ ...session(r.day, r.painBefore, r.painAfter), held: false }));
  if (facts.lastDay !== null) forFlags.push(session(facts.lastDay, null, null));
  const flags = flagsFor(facts.schedule, forFlags, today);
  return { week, month, flags, attention: attentionScore(flags, month) };
}

/** Compares names as localeCompare does, without making a collator for every pair. */
const names = new Intl.Collator();

/** Orders clients so those needing attention come first; ties by name. */
export function byAttention<T extends { standing: ClientStanding; displayName: string }>(a: T, b: T): number {
  return b.standing.attention - a.standing.attention || names.compare(a.displayName, b.displayName);
}
