import { Hono } from "hono";
import { z } from "zod";
import { addDays } from "../../core/calendar-date.ts";
import { CalendarDay } from "../../core/schedule.ts";
import { historyFacts, practiceEntryOf } from "../../core/history.ts";
import { requireSession } from "../auth/current-session.ts";
import { sessionOf, type Env } from "../context.ts";
import { parseWith } from "../http/problems.ts";
import { planOf } from "../store/accounts.ts";
import { listSessionLogs } from "../store/session-logs.ts";
import { utcToday } from "../clock.ts";

const HistoryQuery = z.object({
  /** The user's own today; the server's UTC day when absent. */
  today: CalendarDay.optional(),
  weeks: z.coerce.number().int().min(1).max(104).default(12),
});

/** Calendar, streak, adherence to the user's plan, pain series and a one-sentence pain trend, by core's historyFacts like the web's History. */
export const historyRoutes = new Hono<Env>().use(requireSession).get("/", async (c) => {
  const query = parseWith(c, HistoryQuery, c.req.query());
  if (!query.ok) return query.response;
  const { db, clock } = c.get("deps");
  const { user } = sessionOf(c);
  const today = query.value.today ?? utcToday(clock);
  const weeks = query.value.weeks;
  const from = addDays(today, -7 * weeks);
  const logs = await listSessionLogs(db, user.id, { from, to: today });
  const plan = planOf(user);
  const facts = historyFacts(
    logs.map((l) => practiceEntryOf(l.localDay, l)),
    today,
    plan,
    weeks,
  );
  return c.json({
    today,
    /** The plan the person chose; null until they choose one (then it is offered, and there is no adherence). */
    planDaysPerWeek: plan?.daysPerWeek ?? null,
    days: facts.days,
    sessions: facts.sessions,
    streak: facts.streak,
    // Counted from the plan's first day or the first session, whichever is earlier, so a first week is not measured against weeks before it.
    adherence: facts.adherence,
    adherenceSince: facts.since,
    pain: facts.pain,
    summary: facts.summary,
  });
});
