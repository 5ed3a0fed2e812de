import { sessionOf, type AppContext } from "../context.ts";
import { tooManyRequests } from "../http/too-many.ts";
import { verifyPassword } from "./password.ts";

/**
 * Checks the signed-in person's current password before a change that needs it, with at most 5
 * wrong tries per account in 15 minutes, so a stolen session cannot guess it. Answers the refusal
 * to send, or undefined when the password is right.
 */
export async function checkCurrentPassword(c: AppContext, password: string, wrong: string): Promise<Response | undefined> {
  const { user } = sessionOf(c);
  const { passwordChecks } = c.get("deps");
  const limited = tooManyRequests(c, passwordChecks.retryAfterMs(user.id), "too many wrong passwords; try again later");
  if (limited) return limited;
  if (await verifyPassword(password, user.password_hash)) return undefined;
  passwordChecks.recordFailure(user.id);
  return c.json({ error: wrong }, 403);
}
