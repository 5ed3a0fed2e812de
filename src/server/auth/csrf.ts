import type { MiddlewareHandler } from "hono";
import type { AppContext, Env } from "../context.ts";
import { isHttps } from "./session-cookie.ts";
import { sameSecret } from "./tokens.ts";

export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery guard for every state-changing request:
 * 1. an Origin header, when the browser sends one, must be this server's own origin;
 * 2. the X-CSRF-Token header must be present: with a session it must equal that session's
 *    token (handed out by sign-in and GET /api/auth/me); without one (sign-up, sign-in) any
 *    value will do, because a custom header already forces a CORS preflight we never grant.
 */
export const csrfGuard: MiddlewareHandler<Env> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  if (fromAnotherSite(c))
    return c.json({ error: "This request came from another site, so it was refused. Open Limber itself and try again." }, 403);
  const header = c.req.header(CSRF_HEADER);
  if (!header) return c.json({ error: `This request has no ${CSRF_HEADER} header. Reload the page and try again.` }, 403);
  const session = c.get("session");
  if (session && !sameSecret(header, session.csrfToken))
    return c.json({ error: `This request's ${CSRF_HEADER} header does not match your session. Reload the page and try again.` }, 403);
  return next();
};

/** Whether the browser says the request comes from a page of another origin (no Origin header: it does not say). */
export function fromAnotherSite(c: AppContext): boolean {
  const origin = c.req.header("origin");
  return origin !== undefined && origin !== `${isHttps(c) ? "https" : "http"}://${c.req.header("host") ?? new URL(c.req.url).host}`;
}
