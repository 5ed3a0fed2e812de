import { Hono } from "hono";
import { z } from "zod";
import { MANUAL_HOLD_LIMITS, setHoldByHand } from "../../core/progress.ts";
import { requireSession } from "../auth/current-session.ts";
import { sessionOf, type Env } from "../context.ts";
import { badRequest, readBody } from "../http/problems.ts";
import { programFor } from "../program-catalogue.ts";
import { readProgress, updateProgress } from "../store/progress.ts";

export const HoldSetting = z.object({
  exerciseId: z.string().min(1).max(80),
  phaseId: z.string().min(1).max(80),
  /** Seconds to pin the hold at, or null to unpin it and let progression take over again. */
  seconds: z.number().int().min(MANUAL_HOLD_LIMITS.min).max(MANUAL_HOLD_LIMITS.max).nullable(),
});

/**
 * Progress is the server's: it moves on with every new session log (see session-logs) and a
 * user may set single holds by hand here. GET answers the state; PUT .../hold changes one hold.
 */
export const progressRoutes = new Hono<Env>()
  .use(requireSession)
  .get("/:programId", async (c) => {
    const { db } = c.get("deps");
    const { user } = sessionOf(c);
    const program = await programFor(c.get("deps"), c.req.param("programId"), user.organisation_id);
    if (!program) return c.json({ error: "There is no program with this id. Choose one from the list of programs." }, 404);
    return c.json(await readProgress(db, { userId: user.id, organisationId: user.organisation_id }, program));
  })
  .put("/:programId/hold", async (c) => {
    const body = await readBody(c, HoldSetting);
    if (!body.ok) return body.response;
    const { db, clock } = c.get("deps");
    const { user } = sessionOf(c);
    const program = await programFor(c.get("deps"), c.req.param("programId"), user.organisation_id);
    if (!program) return c.json({ error: "There is no program with this id. Choose one from the list of programs." }, 404);
    const { exerciseId, phaseId, seconds } = body.value;
    const exercise = program.exercises.find((e) => e.id === exerciseId);
    if (!exercise)
      return badRequest(c, [{ path: "exerciseId", message: `expected one of: ${program.exercises.map((e) => e.id).join(", ")}` }]);
    if (!exercise.phases.some((p) => p.id === phaseId)) {
      return badRequest(c, [{ path: "phaseId", message: `expected one of: ${exercise.phases.map((p) => p.id).join(", ")}` }]);
    }
    const owner = { userId: user.id, organisationId: user.organisation_id };
    const state = await updateProgress(db, owner, program, (p) => setHoldByHand(program, p, exerciseId, phaseId, seconds), clock.now());
    return c.json(state);
  });
