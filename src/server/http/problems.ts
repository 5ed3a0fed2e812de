import type { z } from "zod";
import { problemsOf, type InputProblem } from "../../core/program.ts";
import type { AppContext } from "../context.ts";

/** A 400 naming every field that was wrong and what was expected there. */
export function badRequest(c: AppContext, problems: InputProblem[]) {
  return c.json({ error: "Some of what was sent is not right. Correct each field named below and try again.", problems }, 400);
}

/** The 400 answer's type, so a route's typed answers (src/server/api-routes.ts) keep their shape. */
export type BadRequest = ReturnType<typeof badRequest>;

export function apiError(c: AppContext, status: 401 | 403 | 404 | 409 | 413 | 429, error: string) {
  return c.json({ error }, status);
}

/** Reads and validates a JSON body; answers the 400 to send when it is not what `schema` expects. */
export async function readBody<S extends z.ZodType>(
  c: AppContext,
  schema: S,
): Promise<{ ok: true; value: z.infer<S> } | { ok: false; response: BadRequest }> {
  let data: unknown;
  try {
    data = await c.req.json();
  } catch {
    return { ok: false, response: badRequest(c, [{ path: "(root)", message: "expected a JSON body" }]) };
  }
  return parseWith(c, schema, data);
}

/** The JSON body when it is what `schema` expects, otherwise undefined: for a shortcut that leaves every refusal to the usual way. */
export async function validBody<S extends z.ZodType>(c: AppContext, schema: S): Promise<z.infer<S> | undefined> {
  const data: unknown = await c.req.json().catch(() => undefined);
  const r = schema.safeParse(data);
  return r.success && nulProblems(r.data).length === 0 ? r.data : undefined;
}

/**
 * Where untrusted data holds the NUL character, which PostgreSQL text and jsonb cannot store: it
 * is refused at the edge with its path instead of failing in the database.
 */
export function nulProblems(data: unknown, path = "", found: InputProblem[] = []): InputProblem[] {
  const message = "expected text without the NUL character (\\u0000)";
  if (typeof data === "string") {
    if (data.includes("\u0000")) found.push({ path: path || "(root)", message });
  } else if (Array.isArray(data)) {
    data.forEach((v, i) => nulProblems(v, `${path}[${i}]`, found));
  } else if (data && typeof data === "object") {
    for (const [k, v] of Object.entries(data)) {
      const at = path ? `${path}.${k}` : k;
      if (k.includes("\u0000")) found.push({ path: at, message: "expected a field name without the NUL character (\\u0000)" });
      nulProblems(v, at, found);
    }
  }
  return found;
}

/** Validates query parameters or route params the same way as bodies. */
export function parseWith<S extends z.ZodType>(
  c: AppContext,
  schema: S,
  data: unknown,
): { ok: true; value: z.infer<S> } | { ok: false; response: BadRequest } {
  const r = schema.safeParse(data);
  if (r.success) {
    const nul = nulProblems(r.data);
    return nul.length ? { ok: false, response: badRequest(c, nul) } : { ok: true, value: r.data };
  }
  return { ok: false, response: badRequest(c, problemsOf(r.error)) };
}
