import { createHash } from "node:crypto";
import { Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import { SessionLog } from "../../core/session-log.ts";
import { CSRF_HEADER, fromAnotherSite } from "../auth/csrf.ts";
import { requireSession } from "../auth/current-session.ts";
import { readSessionCookie } from "../auth/session-cookie.ts";
import { sessionOwnersOf } from "../auth/session-owners.ts";
import { tokenHash } from "../auth/tokens.ts";
import { sessionOf, type AppContext, type Env } from "../context.ts";
import { parseWith, readBody, validBody } from "../http/problems.ts";
import { programFor } from "../program-catalogue.ts";
import { findSessionLog, listSessionLogs, recordSessionLog, recordSessionLogInSession, type RecordOutcome } from "../store/session-logs.ts";
import { CalendarDay } from "../../core/schedule.ts";

const Day = CalendarDay;
const LogQuery = z.object({ from: Day.optional(), to: Day.optional() });
const LogId = z.object({ id: z.uuid("expected a session log id (a UUID)") });

function recorded(c: AppContext, log: SessionLog, outcome: RecordOutcome) {
  if (outcome === "conflict")
    return c.json({ error: "This session's id is already used by another session. Give it a new id and send it again." }, 409);
  return c.json({ id: log.id, stored: outcome === "stored" }, outcome === "stored" ? 201 : 200);
}

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
    return recorded(c, log, outcome);
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

/**
 * POST /api/logs in one round trip, mounted before the session lookup every other request makes: the
 * statement that records the log checks the session itself (live, unexpired, the CSRF header's
 * token; `recordIfProgressIs`). It takes only the common case: a session this server has looked up
 * before (so it knows whose it is), a valid SessionLog of a built-in program, and progress this server
 * knows. Anything else, and any statement that wrote nothing, goes on to the usual way (session
 * looked up, then `sessionLogRoutes`), which gives every refusal (401, 403, 400) its usual answer.
 */
export const logInOneRoundTrip: MiddlewareHandler<Env> = async (c, next) => {
  const token = readSessionCookie(c);
  const csrf = c.req.header(CSRF_HEADER);
  if (!token || !csrf || fromAnotherSite(c)) return next();
  const { db, clock, builtInPrograms } = c.get("deps");
  const hash = tokenHash(token);
  const userId = sessionOwnersOf(db).get(hash);
  if (!userId) return next();
  const log = await validBody(c, SessionLog);
  const program = log && builtInPrograms.find((p) => p.id === log.programId);
  if (!log || !program) return next();
  const csrfHash = createHash("sha256").update(csrf, "utf8").digest("hex");
  const outcome = await recordSessionLogInSession(db, { userId, tokenHash: hash, csrfHash }, log, program, clock.now());
  if (outcome) return recorded(c, log, outcome);
  // The usual way looks the session up again and remembers its user if it is still live.
  sessionOwnersOf(db).forget(hash);
  return next();
};
