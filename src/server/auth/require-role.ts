import type { MiddlewareHandler } from "hono";
import type { Env } from "../context.ts";

/**
 * Lets only coaches through (after requireSession). A client gets 403: the route exists, but it
 * is not theirs; nothing about any other person is revealed either way.
 */
export const requireCoach: MiddlewareHandler<Env> = async (c, next) => {
  const session = c.get("session");
  if (!session) return c.json({ error: "Sign in first, then try again." }, 401);
  if (session.user.role !== "coach") return c.json({ error: "Only a coach can do this. Sign in with a coach's account to go on." }, 403);
  await next();
};
