import type { MiddlewareHandler } from "hono";
import type { Env } from "../context.ts";
import { badRequest } from "./problems.ts";

/** Decodes one path segment, or answers it as written when it is not valid percent-encoding. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Refuses a path value holding the NUL character (which PostgreSQL text cannot store) with a 400
 * naming the route's parameter, as bodies and queries are; `routes` are the API's path templates.
 */
export function refuseNulInPath(routes: () => readonly { method: string; path: string }[]): MiddlewareHandler<Env> {
  return async (c, next) => {
    const segments = c.req.path.split("/");
    const nul = segments.map((s) => decoded(s).includes("\u0000"));
    if (!nul.includes(true)) return next();
    const template = routes().find((r) => {
      if (r.method !== c.req.method && r.method !== "ALL") return false;
      const parts = r.path.split("/");
      return parts.length === segments.length && parts.every((p, i) => p.startsWith(":") || p === segments[i]);
    });
    const names = template?.path.split("/") ?? [];
    const problems = segments.flatMap((_, i) =>
      nul[i]
        ? [
            {
              path: names[i]?.startsWith(":") ? names[i]!.slice(1) : "(path)",
              message: "expected an address without the NUL character (%00)",
            },
          ]
        : [],
    );
    return badRequest(c, problems);
  };
}
