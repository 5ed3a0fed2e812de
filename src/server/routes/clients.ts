import { Hono } from "hono";
import { z } from "zod";
import { byAttention, STANDING_DAYS, standingOf } from "../../core/client-standing.ts";
import { addDays } from "../../core/calendar-date.ts";
import { adherenceByWeek, practiceSummary } from "../../core/adherence-weeks.ts";
import { painSeries, painTrendSummary } from "../../core/history.ts";
import { requireCoach } from "../auth/require-role.ts";
import { sessionOf, type AppContext, type Env } from "../context.ts";
import { badRequest, parseWith, readBody } from "../http/problems.ts";
import { clientOfOrganisation, dashboardRows, organisationPractice } from "../store/dashboard.ts";
import { leavePractice } from "../store/invites.ts";
import { insertMessage, listMessages, markMessagesRead, ownsSessionLog } from "../store/messages.ts";
import { readPrescription } from "../store/prescriptions.ts";
import { listSessionLogs } from "../store/session-logs.ts";
import { findProgram } from "../store/programs.ts";
import { savePrescription } from "./prescription-saving.ts";
import { adherenceOver } from "../../core/adherence.ts";
import { Schedule } from "../../core/schedule.ts";
import { holdsDoneOf } from "../../core/session-log.ts";
import { CalendarDay } from "../../core/schedule.ts";
import { utcToday } from "../clock.ts";

const Today = CalendarDay;
const DashboardQuery = z.object({ today: Today.optional() });
const DetailQuery = z.object({ today: Today.optional(), weeks: z.coerce.number().int().min(1).max(104).default(12) });
/** A coach's message to a client: an answer to their note, or the first word. */
export const Reply = z.object({
  body: z.string().trim().min(1, "Write your message first; it is empty.").max(1000, "Keep your message to 1000 characters or fewer."),
  sessionLogId: z.uuid("expected a session id (a UUID)").nullable().default(null),
});
const ClientId = z.object({ id: z.uuid("expected a client id (a UUID)") });

const todayOf = (c: AppContext, given: string | undefined) => given ?? utcToday(c.get("deps").clock);

/** The client with this id in the coach's own organisation, or undefined (answered as 404 like any unknown id). */
const clientOfCoach = (c: AppContext, id: string) => clientOfOrganisation(c.get("deps").db, sessionOf(c).user.organisation_id, id);

/** The client named in the address, or the 400/404 to answer when it is not one of the coach's. */
async function clientInAddress(c: AppContext) {
  const params = parseWith(c, ClientId, c.req.param());
  if (!params.ok) return params;
  const client = await clientOfCoach(c, params.value.id);
  return client
    ? { ok: true as const, client }
    : {
        ok: false as const,
        response: c.json({ error: "There is no such client in your practice. Go back to the dashboard and choose one there." }, 404),
      };
}

/** A coach's view of their own organisation's clients: the dashboard, one client's page, prescribing. */
export const clientRoutes = new Hono<Env>()
  .use(requireCoach)
  .get("/", async (c) => {
    const query = parseWith(c, DashboardQuery, c.req.query());
    if (!query.ok) return query.response;
    const today = todayOf(c, query.value.today);
    const { user } = sessionOf(c);
    const seenAt = user.clients_seen_at === null ? null : new Date(user.clients_seen_at);
    const rows = await dashboardRows(c.get("deps").db, user.organisation_id, today, { seenAt });
    const clients = rows
      .map(({ facts, ...r }) => ({
        ...r,
        standing: standingOf(facts, today),
        weeks: adherenceByWeek(facts.schedule, facts.recentDays, today, 4),
      }))
      .sort(byAttention);
    return c.json({ today, seenAt: seenAt?.toISOString() ?? null, summary: practiceSummary(clients), clients });
  })
  .post("/seen", async (c) => {
    // The dashboard calls this once it has shown what is new, so the next visit counts from now.
    const { db, clock } = c.get("deps");
    await db.updateTable("users").set({ clients_seen_at: clock.now() }).where("id", "=", sessionOf(c).user.id).execute();
    return c.body(null, 204);
  })
  .get("/adherence", async (c) => {
    const query = parseWith(c, DashboardQuery, c.req.query());
    if (!query.ok) return query.response;
    const today = todayOf(c, query.value.today);
    const groups = await organisationPractice(c.get("deps").db, sessionOf(c).user.organisation_id, today);
    // Planned days depend only on the schedule: each distinct one is worked out once.
    const plannedBySchedule = new Map<string, number>();
    let clients = 0;
    let planned = 0;
    let done = 0;
    for (const g of groups) {
      clients += g.clients;
      if (g.schedule === null) continue;
      let p = plannedBySchedule.get(g.schedule);
      if (p === undefined)
        plannedBySchedule.set(g.schedule, (p = adherenceOver(Schedule.parse(JSON.parse(g.schedule)), [], today, STANDING_DAYS).planned));
      planned += g.clients * p;
      done += g.clients * Math.min(g.days, p);
    }
    return c.json({ today, clients, planned, done, ratio: planned === 0 ? null : done / planned });
  })
  .get("/:id", async (c) => {
    const params = parseWith(c, ClientId, c.req.param());
    if (!params.ok) return params.response;
    const query = parseWith(c, DetailQuery, c.req.query());
    if (!query.ok) return query.response;
    const client = await clientOfCoach(c, params.value.id);
    if (!client) return c.json({ error: "There is no such client in your practice. Go back to the dashboard and choose one there." }, 404);
    const { db } = c.get("deps");
    const today = todayOf(c, query.value.today);
    const logs = await listSessionLogs(db, client.id, { from: addDays(today, -7 * query.value.weeks), to: today });
    const prescription = await readPrescription(db, client.id);
    const program = prescription
      ? await findProgram(db, prescription.programId, client.organisation_id, prescription.programVersion)
      : undefined;
    const entries = logs.map((l) => ({ day: l.localDay, completed: l.completed, painBefore: l.painBefore, painAfter: l.painAfter }));
    const pain = painSeries(entries);
    // The standing comes from the dashboard's own query, not from the sessions of `weeks` above,
    // so a client idle for longer than the page shows still reads as the dashboard says.
    const [row] = await dashboardRows(db, client.organisation_id, today, { onlyClient: client.id });
    if (!row) return c.json({ error: "There is no such client in your practice. Go back to the dashboard and choose one there." }, 404);
    return c.json({
      today,
      client: { id: client.id, displayName: client.display_name, email: client.email },
      prescription,
      program: program ?? null,
      standing: standingOf(row.facts, today),
      lastSession: row.lastSession,
      pain,
      painSummary: painTrendSummary(pain, today, 4),
      sessions: logs.map((l) => ({
        id: l.id,
        day: l.localDay,
        startedAt: l.startedAt,
        completed: l.completed,
        painBefore: l.painBefore,
        painAfter: l.painAfter,
        notes: l.notes,
        programVersion: l.programVersion,
        holds: holdsDoneOf(l),
      })),
      messages: await listMessages(db, client.organisation_id, client.id),
    });
  })
  .put("/:id/prescription", async (c) => {
    const found = await clientInAddress(c);
    if (!found.ok) return found.response;
    return savePrescription(c, { userId: found.client.id, organisationId: found.client.organisation_id });
  })
  .delete("/:id", async (c) => {
    const found = await clientInAddress(c);
    if (!found.ok) return found.response;
    const { db, clock } = c.get("deps");
    // The person keeps their account and everything in it; only the practice lets go of them.
    await leavePractice(db, found.client.id, clock.now());
    return c.body(null, 204);
  })
  .post("/:id/messages", async (c) => {
    const found = await clientInAddress(c);
    if (!found.ok) return found.response;
    const body = await readBody(c, Reply);
    if (!body.ok) return body.response;
    const { db, clock } = c.get("deps");
    const { client } = found;
    const { sessionLogId } = body.value;
    if (sessionLogId !== null && !(await ownsSessionLog(db, client.id, sessionLogId))) {
      return badRequest(c, [{ path: "sessionLogId", message: "Choose one of this client's own sessions." }]);
    }
    const owner = { userId: client.id, organisationId: client.organisation_id };
    const message = await insertMessage(db, owner, { ...body.value, author: "coach", authorId: sessionOf(c).user.id }, clock.now());
    return c.json(message, 201);
  })
  .post("/:id/messages/read", async (c) => {
    const found = await clientInAddress(c);
    if (!found.ok) return found.response;
    const { db, clock } = c.get("deps");
    await markMessagesRead(db, found.client.organisation_id, found.client.id, "coach", clock.now());
    return c.body(null, 204);
  });
