import type { MiddlewareHandler } from "hono";
import type { Env } from "../context.ts";
import { findLiveSession } from "../store/auth-sessions.ts";
import { sessionOwnersOf } from "./session-owners.ts";
import { readSessionCookie } from "./session-cookie.ts";
import { tokenHash } from "./tokens.ts";

/** Looks up the session named by the cookie, if any and unexpired, for the handlers after it. */
export const currentSession: MiddlewareHandler<Env> = async (c, next) => {
  const token = readSessionCookie(c);
  const { db, clock } = c.get("deps");
  const session = token ? ((await findLiveSession(db, tokenHash(token), clock.now())) ?? null) : null;
  if (session) sessionOwnersOf(db).set(session.tokenHash, session.user.id);
  c.set("session", session);
  await next();
};

/** Refuses a request without a live session with 401 before it reaches the handler. */
export const requireSession: MiddlewareHandler<Env> = async (c, next) => {
  if (!c.get("session")) return c.json({ error: "Sign in first, then try again." }, 401);
  await next();
};
