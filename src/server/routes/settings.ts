import { Hono } from "hono";
import { z } from "zod";
import { CalendarDay } from "../../core/schedule.ts";
import { requireSession } from "../auth/current-session.ts";
import { utcToday } from "../clock.ts";
import { sessionOf, type Env } from "../context.ts";
import { readBody } from "../http/problems.ts";
import { planOf, setPlan } from "../store/accounts.ts";

export const Settings = z.object({
  planDaysPerWeek: z.number().int().min(1).max(7),
  /** The person's own day they chose the plan on; the server's UTC day when absent. Kept from the first choice. */
  since: CalendarDay.optional(),
});

const answer = (plan: ReturnType<typeof planOf>) => ({ planDaysPerWeek: plan?.daysPerWeek ?? null, planSince: plan?.since ?? null });

/**
 * The user's own plan: how many days a week they mean to practise (adherence is measured against it),
 * null until they choose, so a plan nobody chose is offered rather than shown as theirs.
 */
export const settingsRoutes = new Hono<Env>()
  .use(requireSession)
  .get("/", (c) => c.json(answer(planOf(sessionOf(c).user))))
  .put("/", async (c) => {
    const body = await readBody(c, Settings);
    if (!body.ok) return body.response;
    const { db, clock } = c.get("deps");
    const row = await setPlan(db, sessionOf(c).user.id, body.value.planDaysPerWeek, body.value.since ?? utcToday(clock));
    return c.json(answer(planOf(row)));
  });
