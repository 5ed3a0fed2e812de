import type { AttemptRule, HeldAttempt } from "../auth/rate-limit.ts";
import type { AppContext } from "../context.ts";

/** The 429 to send while a rate limit holds (with Retry-After in whole seconds), or undefined to go on. */
export function tooManyRequests(c: AppContext, waitMs: number, error: string) {
  if (waitMs <= 0) return undefined;
  c.header("Retry-After", String(Math.ceil(waitMs / 1000)));
  return c.json({ error }, 429);
}

/**
 * Reserves one attempt under each (rule, key), in order, before the work they guard. Answers the
 * attempts held (give them back with `release()` when the attempt went well, or keep them so they
 * count), or the 429 to send when one limit is reached; attempts taken before that are given back.
 */
export async function reserveAttempts(
  c: AppContext,
  wanted: readonly (readonly [AttemptRule, string])[],
  error: string,
): Promise<HeldAttempt | Response> {
  const { limits } = c.get("deps");
  const held: HeldAttempt[] = [];
  for (const [rule, key] of wanted) {
    const reservation = await limits.reserve(rule, key);
    if (!reservation.granted) {
      for (const h of held) await h.release();
      return tooManyRequests(c, reservation.retryAfterMs, error)!;
    }
    held.push(reservation);
  }
  return {
    release: async () => {
      for (const h of held) await h.release();
    },
  };
}
