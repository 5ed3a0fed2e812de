import { Hono } from "hono";
import { z } from "zod";
import { requireSession } from "../auth/current-session.ts";
import { sessionOf, type Env } from "../context.ts";
import { readBody } from "../http/problems.ts";
import { setPlanDaysPerWeek } from "../store/accounts.ts";

export const Settings = z.object({ planDaysPerWeek: z.number().int().min(1).max(7) });

/** The user's own plan: how many days a week they mean to practise (adherence is measured against it). */
export const settingsRoutes = new Hono<Env>()
  .use(requireSession)
  .get("/", (c) => c.json({ planDaysPerWeek: sessionOf(c).user.plan_days_per_week }))
  .put("/", async (c) => {
    const body = await readBody(c, Settings);
    if (!body.ok) return body.response;
    const row = await setPlanDaysPerWeek(c.get("deps").db, sessionOf(c).user.id, body.value.planDaysPerWeek);
    return c.json({ planDaysPerWeek: row.plan_days_per_week });
  });
