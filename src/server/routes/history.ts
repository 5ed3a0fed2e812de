import { Hono } from "hono";
import { z } from "zod";
import { addDays } from "../../core/calendar-date.ts";
import { CalendarDay } from "../../core/schedule.ts";
import { adherence, painSeries, painTrendSummary, practisedDays, streak } from "../../core/history.ts";
import { heldAnyHold } from "../../core/session-summary.ts";
import { requireSession } from "../auth/current-session.ts";
import { sessionOf, type Env } from "../context.ts";
import { parseWith } from "../http/problems.ts";
import { listSessionLogs } from "../store/session-logs.ts";
import { utcToday } from "../clock.ts";

const HistoryQuery = z.object({
  /** The user's own today; the server's UTC day when absent. */
  today: CalendarDay.optional(),
  weeks: z.coerce.number().int().min(1).max(104).default(12),
});

/** Calendar, streak, adherence to the user's plan, pain series and a one-sentence pain trend. */
export const historyRoutes = new Hono<Env>().use(requireSession).get("/", async (c) => {
  const query = parseWith(c, HistoryQuery, c.req.query());
  if (!query.ok) return query.response;
  const { db, clock } = c.get("deps");
  const { user } = sessionOf(c);
  const today = query.value.today ?? utcToday(clock);
  const weeks = query.value.weeks;
  const from = addDays(today, -7 * weeks);
  const logs = await listSessionLogs(db, user.id, { from, to: today });
  const entries = logs.map((l) => ({
    day: l.localDay,
    completed: l.completed,
    held: heldAnyHold(l.holds),
    painBefore: l.painBefore,
    painAfter: l.painAfter,
  }));
  const days = practisedDays(entries);
  const pain = painSeries(entries);
  return c.json({
    today,
    planDaysPerWeek: user.plan_days_per_week,
    days,
    sessions: logs.length,
    streak: streak(days, today),
    // Counted from the first practised day, so a first week is not measured against weeks before it.
    adherence: adherence(days, user.plan_days_per_week, today, Math.min(weeks, 12), days[0]),
    pain,
    summary: painTrendSummary(pain, today, 4),
  });
});
