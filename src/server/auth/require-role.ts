import type { MiddlewareHandler } from "hono";
import type { Env } from "../context.ts";

/**
 * Lets only coaches through (after requireSession). A client gets 403: the route exists, but it
 * is not theirs; nothing about any other person is revealed either way.
 */
export const requireCoach: MiddlewareHandler<Env> = async (c, next) => {
  const session = c.get("session");
  if (!session) return c.json({ error: "sign in first" }, 401);
  if (session.user.role !== "coach") return c.json({ error: "only a coach can do this" }, 403);
  await next();
};
