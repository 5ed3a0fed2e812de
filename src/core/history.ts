/**
 * History maths over calendar days written "YYYY-MM-DD" (the day as the user's device saw it).
 * Every function takes "today" as an argument; nothing here reads the clock.
 */

import { addDays, dayNumber, weekStartOf } from "./calendar-date.ts";
import type { HoldRecord } from "./session-log.ts";
import { heldAnyHold } from "./session-summary.ts";
import { inWords, plural } from "./words.ts";

/** What history needs of one session. */
export interface PracticeEntry {
  day: string;
  completed: boolean;
  /** At least one hold was held (see `heldAnyHold`): only such sessions make a practised day. */
  held: boolean;
  painBefore: number | null;
  painAfter: number | null;
}

/** A session as history reads it, on `day` (its local day as the device saw it); `held` by heldAnyHold, the one rule for a practised day. */
export function practiceEntryOf(
  day: string,
  s: { completed: boolean; holds: readonly Pick<HoldRecord, "skipped">[]; painBefore: number | null; painAfter: number | null },
): PracticeEntry {
  return { day, completed: s.completed, held: heldAnyHold(s.holds), painBefore: s.painBefore, painAfter: s.painAfter };
}

/** Every day with at least one session that held a hold, finished or not, in order and once each. */
export function practisedDays(entries: readonly PracticeEntry[]): string[] {
  return [...new Set(entries.filter((e) => e.held).map((e) => e.day))].sort();
}

/**
 * Days in a row practised, counting back from today; a streak still counts when today has
 * not been practised yet but yesterday was.
 */
export function streak(days: readonly string[], today: string): number {
  const set = new Set(days);
  let day = set.has(today) ? today : addDays(today, -1);
  let count = 0;
  while (set.has(day)) {
    count++;
    day = addDays(day, -1);
  }
  return count;
}

export interface WeekAdherence {
  weekStart: string;
  practised: number;
  planned: number;
}

export interface Adherence {
  weeks: WeekAdherence[];
  /** Planned days kept over planned days, from 0 to 1; practice beyond the plan does not count twice. */
  rate: number;
}

/**
 * How well the user kept their own plan of `planDaysPerWeek` days over the last `weeks` weeks
 * (Monday to Sunday), this week included. This week only expects as many days as have passed.
 * With `since` (the day the plan or the first session started), nothing before it is expected:
 * weeks that ended before it are left out and its own week expects only the days from it, so a
 * first week is not measured against twelve weeks nobody practised in.
 */
export function adherence(days: readonly string[], planDaysPerWeek: number, today: string, weeks: number, since?: string): Adherence {
  const thisWeek = weekStartOf(today);
  const rows: WeekAdherence[] = [];
  for (let w = weeks - 1; w >= 0; w--) {
    const start = addDays(thisWeek, -7 * w);
    const end = w === 0 ? today : addDays(start, 6);
    if (since !== undefined && end < since) continue;
    const from = since !== undefined && since > start ? since : start;
    const practised = days.filter((d) => d >= from && d <= end).length;
    const elapsed = dayNumber(end) - dayNumber(from) + 1;
    rows.push({ weekStart: start, practised, planned: Math.min(planDaysPerWeek, elapsed) });
  }
  const planned = rows.reduce((s, r) => s + r.planned, 0);
  const kept = rows.reduce((s, r) => s + Math.min(r.practised, r.planned), 0);
  return { weeks: rows, rate: planned === 0 ? 0 : kept / planned };
}

export interface PainPoint {
  day: string;
  before: number | null;
  after: number | null;
}

/** Pain before and after each session that recorded either, oldest first. */
export function painSeries(entries: readonly Pick<PracticeEntry, "day" | "painBefore" | "painAfter">[]): PainPoint[] {
  return entries
    .filter((e) => e.painBefore !== null || e.painAfter !== null)
    .map((e) => ({ day: e.day, before: e.painBefore, after: e.painAfter }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

const countWord = (n: number, unit: string) => `${inWords(n, 12)} ${plural(n, unit)}`;

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/**
 * One plain sentence about pain after sessions over the last `weeks` weeks, comparing the
 * average of the first week of scores with the average of the last week (shorter spans
 * compare their first and last days), e.g.
 * "Pain after sessions fell from 6 to 3 over four weeks."
 */
export function painTrendSummary(points: readonly PainPoint[], today: string, weeks = 4): string {
  const since = addDays(today, -7 * weeks + 1);
  const scored = points.filter((p) => p.after !== null && p.day >= since && p.day <= today) as { day: string; after: number }[];
  const first = scored[0];
  const last = scored[scored.length - 1];
  if (!first || !last || first.day === last.day) {
    return "Not enough pain scores yet: a trend needs pain after sessions on two or more days.";
  }
  const spanDays = dayNumber(last.day) - dayNumber(first.day);
  // Up to a week at each end, never overlapping, so a short span compares its first and last days.
  const window = Math.min(6, Math.floor((spanDays - 1) / 2));
  const start = Math.round(mean(scored.filter((p) => p.day <= addDays(first.day, window)).map((p) => p.after)));
  const end = Math.round(mean(scored.filter((p) => p.day >= addDays(last.day, -window)).map((p) => p.after)));
  const span = spanDays < 7 ? countWord(spanDays, "day") : countWord(Math.round(spanDays / 7), "week");
  if (end < start) return `Pain after sessions fell from ${start} to ${end} over ${span}.`;
  if (end > start) return `Pain after sessions rose from ${start} to ${end} over ${span}.`;
  return `Pain after sessions stayed at about ${start} over ${span}.`;
}

/** What a history shows, the same on the device and on the server. */
export interface HistoryFacts {
  sessions: number;
  /** Practised days, in order: days with a session that held a hold. */
  days: string[];
  streak: number;
  /** How well the person's own plan was kept since `since`; null when they have not chosen one. */
  adherence: Adherence | null;
  /** The earlier of the day the plan was chosen and the first session's day; null without a plan. */
  since: string | null;
  pain: PainPoint[];
  /** Days with a pain score after a session: a trend needs two. */
  daysRatedAfter: number;
  summary: string;
}

/**
 * History from sessions read by practiceEntryOf, over the last `weeks` weeks (at most 12 for adherence), for
 * the device's History page and the server's GET /api/history alike. Adherence is measured only against a
 * plan the person chose, and only from when it (or the first session, when earlier) started.
 */
export function historyFacts(
  entries: readonly PracticeEntry[],
  today: string,
  plan: { daysPerWeek: number; since: string | null } | null,
  weeks = 12,
): HistoryFacts {
  const days = practisedDays(entries);
  const pain = painSeries(entries);
  const firstDay = entries.map((e) => e.day).sort()[0];
  const since = plan ? ([plan.since, firstDay].filter((d): d is string => d !== null && d !== undefined).sort()[0] ?? today) : null;
  return {
    sessions: entries.length,
    days,
    streak: streak(days, today),
    adherence: plan && since ? adherence(days, plan.daysPerWeek, today, Math.min(weeks, 12), since) : null,
    since,
    pain,
    daysRatedAfter: new Set(entries.filter((e) => e.painAfter !== null).map((e) => e.day)).size,
    summary: painTrendSummary(pain, today, 4),
  };
}
