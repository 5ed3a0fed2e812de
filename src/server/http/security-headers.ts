import type { MiddlewareHandler } from "hono";
import { isHttps } from "../auth/session-cookie.ts";
import type { Env } from "../context.ts";

/**
 * The page may load only its own scripts, styles, images and workers, may not be framed, and
 * leaks no path to other sites. Inline styles stay allowed because components set style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' data: blob:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Adds the security headers to every response, errors and 404s included. */
export const securityHeaders: MiddlewareHandler<Env> = async (c, next) => {
  await next();
  const h = c.res.headers;
  h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  h.set("X-Content-Type-Options", "nosniff");
  h.set("X-Frame-Options", "DENY");
  h.set("Referrer-Policy", "no-referrer");
  h.set("Cross-Origin-Opener-Policy", "same-origin");
  h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  // Over https, directly or through a trusted proxy: browsers then never try plain http for a year.
  if (isHttps(c)) h.set("Strict-Transport-Security", "max-age=31536000");
};
