import { Hono } from "hono";
import { z } from "zod";
import { requireSession } from "../auth/current-session.ts";
import { sessionOf, type Env } from "../context.ts";
import { badRequest, readBody } from "../http/problems.ts";
import { insertMessage, listMessages, markMessagesRead, ownsSessionLog, unreadCount } from "../store/messages.ts";
import { coachOfOrganisation } from "../store/organisations.ts";
import { readPrescription } from "../store/prescriptions.ts";
import { findProgram } from "../store/programs.ts";
import { savePrescription } from "./prescription-saving.ts";

export const NoteToCoach = z.object({
  body: z.string().trim().min(1, "Write your note first; it is empty.").max(1000, "Keep your note to 1000 characters or fewer."),
  sessionLogId: z.uuid("expected a session log id (a UUID)").nullable().default(null),
});

/** A person's own plan (what the app plays), and their conversation with their coach. */
/** Mounted at /api: each route carries its own session check, so nothing else under /api is touched. */
export const myPlanRoutes = new Hono<Env>()
  .get("/prescription", requireSession, async (c) => {
    const { db } = c.get("deps");
    const { user } = sessionOf(c);
    const prescription = await readPrescription(db, user.id);
    const program = prescription
      ? await findProgram(db, prescription.programId, user.organisation_id, prescription.programVersion)
      : undefined;
    return c.json({ prescription, program: program ?? null, coach: await coachOfOrganisation(db, user.organisation_id) });
  })
  .put("/prescription", requireSession, async (c) => {
    const { db } = c.get("deps");
    const { user } = sessionOf(c);
    if (await coachOfOrganisation(db, user.organisation_id))
      return c.json({ error: "Your coach sets your plan. Ask them to change it." }, 403);
    return savePrescription(c, { userId: user.id, organisationId: user.organisation_id });
  })
  .get("/messages", requireSession, async (c) => {
    const { db } = c.get("deps");
    const { user } = sessionOf(c);
    return c.json({
      messages: await listMessages(db, user.organisation_id, user.id),
      unread: await unreadCount(db, user.organisation_id, user.id, "client"),
    });
  })
  .post("/messages/read", requireSession, async (c) => {
    const { db, clock } = c.get("deps");
    const { user } = sessionOf(c);
    await markMessagesRead(db, user.organisation_id, user.id, "client", clock.now());
    return c.body(null, 204);
  })
  .post("/messages", requireSession, async (c) => {
    const body = await readBody(c, NoteToCoach);
    if (!body.ok) return body.response;
    const { db, clock } = c.get("deps");
    const { user } = sessionOf(c);
    if (!(await coachOfOrganisation(db, user.organisation_id)))
      return c.json({ error: "You have no coach to write to yet. Join a practice with an invite code first." }, 403);
    const { sessionLogId } = body.value;
    if (sessionLogId !== null && !(await ownsSessionLog(db, user.id, sessionLogId))) {
      return badRequest(c, [{ path: "sessionLogId", message: "Choose one of your own sessions." }]);
    }
    const message = await insertMessage(db, { userId: user.id, organisationId: user.organisation_id }, body.value, clock.now());
    return c.json(message, 201);
  });
