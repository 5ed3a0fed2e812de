import { Hono } from "hono";
import { z } from "zod";
import { clientAddress } from "../auth/client-address.ts";
import { checkCurrentPassword } from "../auth/current-password.ts";
import { requireSession } from "../auth/current-session.ts";
import { decoyHash, hashPassword, verifyPassword } from "../auth/password.ts";
import { clearSessionCookie, SESSION_LIFETIME_MS, writeSessionCookie } from "../auth/session-cookie.ts";
import { newToken, tokenHash } from "../auth/tokens.ts";
import { sessionOf, type AppContext, type Env } from "../context.ts";
import type { UserRow } from "../db/tables.ts";
import { readBody } from "../http/problems.ts";
import { reserveAttempts } from "../http/too-many.ts";
import { SIGN_IN_LIMITS, SIGN_UP_LIMIT } from "../auth/rate-limit.ts";
import { enqueueMail } from "../store/mail-queue.ts";
import { accountOf, createAccount, findUserByEmail, setPasswordHash } from "../store/accounts.ts";
import { deleteAuthSession, deleteSessionsOfUser, insertAuthSession } from "../store/auth-sessions.ts";

export const Email = z
  .email("Enter an email address such as name@example.org.")
  .max(254, "Use an email address of at most 254 characters.")
  .transform((e) => e.trim().toLowerCase());
export const NewPassword = z
  .string()
  .min(10, "Use at least 10 characters for your password.")
  .max(200, "Use at most 200 characters for your password.");

export const SignUp = z.object({
  email: Email,
  password: NewPassword,
  displayName: z.string().trim().min(1, "Enter your name; your coach sees it.").max(80, "Keep your name to 80 characters or fewer."),
  role: z.enum(["client", "coach"]).default("client"),
});
const GivenPassword = (what: string) => z.string().min(1, `Enter ${what}.`).max(200, "Use at most 200 characters for your password.");
export const SignIn = z.object({ email: Email, password: GivenPassword("your password") });
export const PasswordChange = z.object({ currentPassword: GivenPassword("your current password"), newPassword: NewPassword });

/**
 * Starts a fresh session for a user: a new random token every time (no session fixation),
 * and the one presented before, if any, is ended.
 */
export async function startSession(c: AppContext, user: UserRow) {
  const { db, clock } = c.get("deps");
  const previous = c.get("session");
  if (previous) await deleteAuthSession(db, previous.tokenHash);
  const token = newToken();
  const csrfToken = newToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await insertAuthSession(
    db,
    { tokenHash: tokenHash(token), userId: user.id, organisationId: user.organisation_id, csrfToken, expiresAt },
    now,
  );
  writeSessionCookie(c, token, expiresAt);
  return { account: accountOf(user), csrfToken };
}

export const authRoutes = new Hono<Env>()
  .post("/sign-up", async (c) => {
    const body = await readBody(c, SignUp);
    if (!body.ok) return body.response;
    const { db, clock } = c.get("deps");
    const attempt = await reserveAttempts(
      c,
      [[SIGN_UP_LIMIT, clientAddress(c)]],
      "Too many sign-ups came from here with emails that already have accounts. Wait an hour, or sign in instead.",
    );
    if (attempt instanceof Response) return attempt;
    const { email, password, displayName, role } = body.value;
    const user = await createAccount(db, { email, displayName, role, passwordHash: await hashPassword(password) }, clock.now());
    // A refusal for a taken email keeps its attempt; a new account gives it back.
    if (!user) return c.json({ error: "An account with this email already exists. Sign in instead, or use another email." }, 409);
    await attempt.release();
    // The account works at once; the address is checked by a link, in the background.
    await enqueueMail(db, { job: { kind: "email-check", userId: user.id }, recipient: user.email, userId: user.id }, clock.now());
    c.get("deps").mail.queued();
    return c.json(await startSession(c, user), 201);
  })
  .post("/sign-in", async (c) => {
    const body = await readBody(c, SignIn);
    if (!body.ok) return body.response;
    const { db, limits } = c.get("deps");
    const { email, password } = body.value;
    const wanted = [
      [SIGN_IN_LIMITS.account, email],
      [SIGN_IN_LIMITS.address, clientAddress(c)],
    ] as const;
    const attempt = await reserveAttempts(
      c,
      wanted,
      "Too many sign-ins failed. Wait 15 minutes and try again, or ask for a reset link if you forgot your password.",
    );
    if (attempt instanceof Response) return attempt;
    const user = await findUserByEmail(db, email);
    const ok = await verifyPassword(password, user?.password_hash ?? (await decoyHash));
    // A failure keeps both attempts; a right password gives them back and ends the account's run of wrong ones.
    if (!user || !ok) return c.json({ error: "That email and password do not match an account. Check both and try again." }, 401);
    await attempt.release();
    await limits.forget(SIGN_IN_LIMITS.account, email);
    return c.json(await startSession(c, user), 200);
  })
  .post("/sign-out", async (c) => {
    const session = c.get("session");
    if (session) await deleteAuthSession(c.get("deps").db, session.tokenHash);
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  // Signed out is an ordinary state, not an error: it answers 200 with no account, so a browser does not log a failed request.
  .get("/me", (c) => {
    const session = c.get("session");
    if (!session) return c.json({ account: null, csrfToken: null });
    return c.json({ account: accountOf(session.user), csrfToken: session.csrfToken });
  })
  .post("/password", requireSession, async (c) => {
    const body = await readBody(c, PasswordChange);
    if (!body.ok) return body.response;
    const { db, clock } = c.get("deps");
    const session = sessionOf(c);
    const refused = await checkCurrentPassword(c, body.value.currentPassword, "current password is wrong");
    if (refused) return refused;
    await setPasswordHash(db, session.user.id, await hashPassword(body.value.newPassword), clock.now());
    await deleteSessionsOfUser(db, session.user.id);
    return c.json(await startSession(c, { ...session.user }), 200);
  });
