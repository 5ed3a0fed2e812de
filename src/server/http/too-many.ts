import type { AppContext } from "../context.ts";

/** The 429 to send while a rate limit holds (with Retry-After in whole seconds), or undefined to go on. */
export function tooManyRequests(c: AppContext, waitMs: number, error: string) {
  if (waitMs <= 0) return undefined;
  c.header("Retry-After", String(Math.ceil(waitMs / 1000)));
  return c.json({ error }, 429);
}
