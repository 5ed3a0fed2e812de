import { signal } from "@preact/signals";
import { addDays, isCalendarDate, WEEKDAYS } from "../../core/calendar-date.ts";
import { plannedDates } from "../../core/schedule-dates.ts";
import type { Schedule } from "../../core/schedule.ts";

/**
 * What the home page needs to remind someone of their plan, even offline. Kept apart from the code
 * that stores a new plan (planned-session.ts), so the home page loads no schema code.
 */
export interface RememberedPlan {
  programId: string;
  title: string;
  minutes: number;
  schedule: Schedule;
}

const KEY = "limber-plan";

const isDay = (v: unknown) => typeof v === "string" && isCalendarDate(v);

/** Whether stored data is a plan this version understands; anything else (damage, an old shape) is none. */
export function isRememberedPlan(p: unknown): p is RememberedPlan {
  if (!p || typeof p !== "object") return false;
  const { programId, title, minutes, schedule } = p as Partial<RememberedPlan>;
  if (typeof programId !== "string" || typeof title !== "string" || typeof minutes !== "number" || !schedule) return false;
  const { kind, days, timesPerWeek, startDate, endDate } = schedule;
  return (
    (kind === "weekdays" || kind === "per-week") &&
    Array.isArray(days) &&
    days.every((d) => (WEEKDAYS as readonly string[]).includes(d)) &&
    (timesPerWeek === null || (typeof timesPerWeek === "number" && timesPerWeek >= 1 && timesPerWeek <= 7)) &&
    isDay(startDate) &&
    (endDate === null || isDay(endDate))
  );
}

function read(): RememberedPlan | null {
  try {
    const raw = typeof localStorage === "undefined" ? null : localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return isRememberedPlan(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export const rememberedPlan = signal<RememberedPlan | null>(read());

/** Keeps (or, with null, forgets) the plan on this device. */
export function keepPlan(plan: RememberedPlan | null): void {
  if (plan) localStorage.setItem(KEY, JSON.stringify(plan));
  else localStorage.removeItem(KEY);
  rememberedPlan.value = plan;
}

/** Whether today is a planned day, and the next planned day after it within four weeks. */
export function planFor(plan: RememberedPlan, today: string): { today: boolean; next: string | null } {
  return {
    today: plannedDates(plan.schedule, today, today).length > 0,
    next: plannedDates(plan.schedule, addDays(today, 1), addDays(today, 28))[0] ?? null,
  };
}
