import { Hono } from "hono";
import type { Env } from "../context.ts";
import { findProgram, listPrograms } from "../store/programs.ts";

/** Programs are readable without signing in: built-in ones for everyone, an organisation's own for its members. */
export const programRoutes = new Hono<Env>()
  .get("/", async (c) => {
    const org = c.get("session")?.user.organisation_id ?? null;
    return c.json({ programs: await listPrograms(c.get("deps").db, org) });
  })
  .get("/:id", async (c) => {
    const org = c.get("session")?.user.organisation_id ?? null;
    const program = await findProgram(c.get("deps").db, c.req.param("id"), org);
    return program ? c.json(program) : c.json({ error: "There is no program with this id. Choose one from the list of programs." }, 404);
  });
