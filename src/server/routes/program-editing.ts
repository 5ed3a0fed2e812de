import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { Program } from "../../core/program.ts";
import { requireCoach } from "../auth/require-role.ts";
import { sessionOf, type Env } from "../context.ts";
import { badRequest, readBody } from "../http/problems.ts";
import { insertNewProgram, insertProgramVersion } from "../store/program-versions.ts";

/**
 * A coach's own programs. POST keeps a new program under a fresh id (its title's words plus a
 * random tail, so two practices never collide); PUT keeps an edit as the next version.
 */
export const programEditingRoutes = new Hono<Env>()
  .post("/", requireCoach, async (c) => {
    const body = await readBody(c, Program);
    if (!body.ok) return body.response;
    const { db, clock } = c.get("deps");
    const base = body.value.id.slice(0, 70).replace(/-+$/, "");
    const program = { ...body.value, id: `${base}-${randomBytes(4).toString("hex")}`, version: 1 };
    if (!(await insertNewProgram(db, sessionOf(c).user.organisation_id, program, clock.now()))) {
      return c.json({ error: "That program id was just taken. Save again to get a new one." }, 409);
    }
    return c.json(program, 201);
  })
  .put("/:id", requireCoach, async (c) => {
    const body = await readBody(c, Program);
    if (!body.ok) return body.response;
    if (body.value.id !== c.req.param("id"))
      return badRequest(c, [{ path: "id", message: `expected "${c.req.param("id")}", the id in the address` }]);
    const { db, clock } = c.get("deps");
    const version = await insertProgramVersion(db, sessionOf(c).user.organisation_id, body.value, clock.now());
    if (version === null)
      return c.json({ error: "Your practice has no program with this id. Check the id, or save it as a new program." }, 404);
    return c.json({ ...body.value, version });
  });
