import { sessionOf, type AppContext } from "../context.ts";
import { reserveAttempts } from "../http/too-many.ts";
import { verifyPassword } from "./password.ts";
import { PASSWORD_CHECK_LIMIT } from "./rate-limit.ts";

/**
 * Checks the signed-in person's current password before a change that needs it, with at most 5
 * wrong tries per account in 15 minutes (reserved before the check, so tries sent at once cannot
 * pass the limit), so a stolen session cannot guess it. Answers the refusal to send, or undefined
 * when the password is right.
 */
export async function checkCurrentPassword(c: AppContext, password: string, wrong: string): Promise<Response | undefined> {
  const { user } = sessionOf(c);
  const attempt = await reserveAttempts(c, [[PASSWORD_CHECK_LIMIT, user.id]], "too many wrong passwords; try again later");
  if (attempt instanceof Response) return attempt;
  if (!(await verifyPassword(password, user.password_hash))) return c.json({ error: wrong }, 403);
  await attempt.release();
  return undefined;
}
