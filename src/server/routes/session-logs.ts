import { Hono } from "hono";
import { z } from "zod";
import { SessionLog } from "../../core/session-log.ts";
import { requireSession } from "../auth/current-session.ts";
import { sessionOf, type Env } from "../context.ts";
import { parseWith, readBody } from "../http/problems.ts";
import { programFor } from "../program-catalogue.ts";
import { findSessionLog, listSessionLogs, recordSessionLog } from "../store/session-logs.ts";
import { CalendarDay } from "../../core/schedule.ts";

const Day = CalendarDay;
const LogQuery = z.object({ from: Day.optional(), to: Day.optional() });
const LogId = z.object({ id: z.uuid("expected a session log id (a UUID)") });

/**
 * POST answers 201 when a log is new, 200 when this user already sent it (a retried sync),
 * and 409 when another user owns that id. Either way the client may drop it from its queue on 200/201.
 */
export const sessionLogRoutes = new Hono<Env>()
  .use(requireSession)
  .post("/", async (c) => {
    const body = await readBody(c, SessionLog);
    if (!body.ok) return body.response;
    const { db, clock } = c.get("deps");
    const { user } = sessionOf(c);
    const log = body.value;
    const program = await programFor(c.get("deps"), log.programId, user.organisation_id);
    const outcome = await recordSessionLog(db, { userId: user.id, organisationId: user.organisation_id }, log, program, clock.now());
    if (outcome === "conflict")
      return c.json({ error: "This session's id is already used by another session. Give it a new id and send it again." }, 409);
    return c.json({ id: log.id, stored: outcome === "stored" }, outcome === "stored" ? 201 : 200);
  })
  .get("/", async (c) => {
    const query = parseWith(c, LogQuery, c.req.query());
    if (!query.ok) return query.response;
    const logs = await listSessionLogs(c.get("deps").db, sessionOf(c).user.id, query.value);
    return c.json({ logs });
  })
  .get("/:id", async (c) => {
    const params = parseWith(c, LogId, c.req.param());
    if (!params.ok) return params.response;
    const log = await findSessionLog(c.get("deps").db, sessionOf(c).user.id, params.value.id);
    return log ? c.json(log) : c.json({ error: "There is no session with this id in your account. Check the id." }, 404);
  });
