import { Hono } from "hono";
import { z } from "zod";
import { clientAddress } from "../auth/client-address.ts";
import { hashPassword } from "../auth/password.ts";
import { tokenHash } from "../auth/tokens.ts";
import type { AppContext, Env } from "../context.ts";
import { readBody } from "../http/problems.ts";
import { reserveAttempts } from "../http/too-many.ts";
import { RESET_GUESS_LIMIT, RESET_REQUEST_LIMIT } from "../auth/password-reset.ts";
import type { HeldAttempt } from "../auth/rate-limit.ts";
import { lookUpPasswordReset, redeemPasswordReset, type ResetLookup } from "../store/password-resets.ts";
import { enqueueMailWithinCap, type MailCap } from "../store/mail-queue.ts";
import { Email, NewPassword, startSession } from "./auth.ts";

const Token = z
  .string()
  .min(20, "Use the whole code from the reset link; part of it is missing.")
  .max(100, "Use only the code from the reset link; this is longer than any code Limber makes.")
  .regex(/^[A-Za-z0-9_-]+$/, "Use the code from the reset link: letters, digits, - and _ only.");
export const ResetCheck = z.object({ token: Token });
export const ResetUse = z.object({ token: Token, newPassword: NewPassword });
export const ResetRequest = z.object({ email: Email });

/** At most 3 reset mails queued for one address in an hour, so nobody can fill someone's inbox. */
export const RESET_MAILS_PER_ADDRESS = { mails: 3, windowMs: 60 * 60_000 } as const satisfies MailCap;

/** The one answer to "send me a link", whether or not an account has the address. */
export const RESET_REQUESTED =
  "If an account has this email, a link to set a new password is on its way; it works once, for 30 minutes. Nothing came? Check the spam folder, or ask the person who runs your Limber.";

/**
 * Refuses a token that cannot be used, in words the person can act on. Answers undefined when it
 * can be used. Unknown tokens keep the attempt reserved against the address, so guessing is slowed
 * as well as hopeless; any other answer gives it back.
 */
async function refusal(c: AppContext, found: ResetLookup, attempt: HeldAttempt): Promise<Response | undefined> {
  if (found.state === "unknown")
    return c.json({ error: "This reset link is not valid. Make sure the whole link was copied, or ask for a new one." }, 404);
  await attempt.release();
  switch (found.state) {
    case "usable":
      return undefined;
    case "used":
      return c.json({ error: "This reset link was already used. Ask for a new one if you still cannot sign in." }, 410);
    case "expired":
      return c.json({ error: "This reset link has expired (links last 30 minutes). Ask for a new one." }, 410);
  }
}

/** The request's body, once it is well formed and an attempt to try a token is reserved for its address. */
async function readGuarded<S extends z.ZodType>(c: AppContext, schema: S) {
  const body = await readBody(c, schema);
  if (!body.ok) return body;
  const attempt = await reserveAttempts(
    c,
    [[RESET_GUESS_LIMIT, clientAddress(c)]],
    "Too many wrong reset links came from this address. Wait 15 minutes, then open the link from the mail again.",
  );
  return attempt instanceof Response ? { ok: false as const, response: attempt } : { ...body, attempt };
}

/**
 * Password reset by a link: mailed on request, or issued by the server's operator (`limber
 * reset-link`); no session needed.
 */
export const passwordResetRoutes = new Hono<Env>()
  .post("/request", async (c) => {
    const body = await readBody(c, ResetRequest);
    if (!body.ok) return body.response;
    const { db, clock, mail } = c.get("deps");
    // Every request counts (its attempt is never given back).
    const attempt = await reserveAttempts(
      c,
      [[RESET_REQUEST_LIMIT, clientAddress(c)]],
      "Too many reset links were asked for from this address. Look for the mails already sent, or try again in an hour.",
    );
    if (attempt instanceof Response) return attempt;
    // Known and unknown addresses take the same path here (one counted insert); whether an
    // account has the address is found out by the mail sender, after the answer has gone.
    const { email } = body.value;
    const now = clock.now();
    if (await enqueueMailWithinCap(db, { job: { kind: "password-reset", email }, recipient: email }, RESET_MAILS_PER_ADDRESS, now))
      mail.queued();
    return c.json({ message: RESET_REQUESTED }, 202);
  })
  .post("/check", async (c) => {
    const body = await readGuarded(c, ResetCheck);
    if (!body.ok) return body.response;
    const { db, clock } = c.get("deps");
    const found = await lookUpPasswordReset(db, tokenHash(body.value.token), clock.now());
    const refused = await refusal(c, found, body.attempt);
    if (refused || found.state !== "usable") return refused;
    return c.json({ displayName: found.user.display_name, email: found.user.email, expiresAt: found.expiresAt.toISOString() });
  })
  .post("/", async (c) => {
    const body = await readGuarded(c, ResetUse);
    if (!body.ok) return body.response;
    const { db, clock } = c.get("deps");
    const hash = tokenHash(body.value.token);
    // Checked before the (slow) password hash, so a wrong token costs the server nothing.
    const refused = await refusal(c, await lookUpPasswordReset(db, hash, clock.now()), body.attempt);
    if (refused) return refused;
    const passwordHash = await hashPassword(body.value.newPassword);
    const now = clock.now();
    const user = await redeemPasswordReset(db, hash, passwordHash, now);
    // Used or expired while the password was being hashed: say which.
    if (!user)
      return (
        (await refusal(c, await lookUpPasswordReset(db, hash, now), body.attempt)) ??
        c.json({ error: "This reset link could not be used. Ask for a new one." }, 410)
      );
    return c.json(await startSession(c, user), 200);
  });
