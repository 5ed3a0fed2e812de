import { Hono } from "hono";
import { z } from "zod";
import { clientAddress } from "../auth/client-address.ts";
import { requireSession } from "../auth/current-session.ts";
import { tokenHash } from "../auth/tokens.ts";
import { sessionOf, type AppContext, type Env } from "../context.ts";
import { readBody } from "../http/problems.ts";
import { reserveAttempts, tooManyRequests } from "../http/too-many.ts";
import type { AttemptRule } from "../auth/rate-limit.ts";
import type { LinkSigner } from "../mail/link-signer.ts";
import { redeemEmailCheck } from "../store/email-checks.ts";
import { enqueueMailWithinCap, type MailCap } from "../store/mail-queue.ts";
import { readMailSettings, saveMailSettings } from "../store/mail-settings.ts";

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const MailSettingsChange = z.object({
  reminderTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time of day such as 08:30, or turn reminders off.")
    .nullable(),
  timeZone: z.string().max(64).refine(isTimeZone, "Use a time zone such as Europe/Berlin (the browser gives its own)."),
  weeklySummary: z.boolean().default(false),
});
const LinkToken = z.object({
  token: z
    .string()
    .min(20, "Use the whole code from the link; part of it is missing.")
    .max(200, "Use only the code from the link; this is longer than any code Limber makes."),
});

/** Wrong email-check tokens from one client address: 20 in 15 minutes, then 429. */
export const EMAIL_CHECK_GUESS_LIMIT = {
  name: "email-check-guess/address",
  attempts: 20,
  windowMs: 15 * 60_000,
} as const satisfies AttemptRule;

/** At most 3 check mails for one address in an hour (the one sent at sign-up among them). */
export const EMAIL_CHECK_MAILS = { mails: 3, windowMs: 60 * 60_000 } as const satisfies MailCap;

/** Stops the mail a signed unsubscribe token names; answers what was stopped, or undefined for a token that is not genuine. */
async function unsubscribe(c: AppContext, signer: LinkSigner, token: string): Promise<"reminders" | "weekly-summary" | undefined> {
  const signed = signer.verify(token);
  if (!signed) return undefined;
  const { db, clock } = c.get("deps");
  if (!(await readMailSettings(db, signed.userId))) return undefined;
  await saveMailSettings(
    db,
    signed.userId,
    signed.purpose === "reminders" ? { reminder_time: null } : { weekly_summary: false },
    clock.now(),
  );
  return signed.purpose;
}

const NOT_GENUINE = "this unsubscribe link is not valid: check that the whole link was copied, or turn mail off in Limber under Account";

/** A person's mail: their address check, reminders and summary, and the links mail carries. */
export const mailSettingsRoutes = new Hono<Env>()
  .get("/", requireSession, async (c) => c.json((await readMailSettings(c.get("deps").db, sessionOf(c).user.id))!))
  .put("/", requireSession, async (c) => {
    const body = await readBody(c, MailSettingsChange);
    if (!body.ok) return body.response;
    const { db, clock } = c.get("deps");
    const { user } = sessionOf(c);
    if (body.value.weeklySummary && user.role !== "coach") {
      return c.json(
        {
          error: "Some of what was sent is not right. Correct each field named below and try again.",
          problems: [{ path: "weeklySummary", message: "Only a coach gets a weekly summary. Leave it off." }],
        },
        400,
      );
    }
    const { reminderTime, timeZone, weeklySummary } = body.value;
    await saveMailSettings(db, user.id, { reminder_time: reminderTime, time_zone: timeZone, weekly_summary: weeklySummary }, clock.now());
    return c.json((await readMailSettings(db, user.id))!);
  })
  .post("/email-check", requireSession, async (c) => {
    const { db, clock, mail } = c.get("deps");
    const { user } = sessionOf(c);
    if ((await readMailSettings(db, user.id))!.emailChecked)
      return c.json({ error: "This email is already checked. There is nothing more to do." }, 409);
    const now = clock.now();
    const queued = await enqueueMailWithinCap(
      db,
      { job: { kind: "email-check", userId: user.id }, recipient: user.email, userId: user.id },
      EMAIL_CHECK_MAILS,
      now,
    );
    if (!queued) {
      return tooManyRequests(
        c,
        EMAIL_CHECK_MAILS.windowMs,
        "Three check mails were sent in the last hour. Look for them, also in the spam folder, or try again in an hour.",
      )!;
    }
    mail.queued();
    return c.json({ message: `A link is on its way to ${user.email}. Open it to check your email.` }, 202);
  })
  .post("/email-check/use", async (c) => {
    const body = await readBody(c, LinkToken);
    if (!body.ok) return body.response;
    const { db, clock } = c.get("deps");
    const attempt = await reserveAttempts(
      c,
      [[EMAIL_CHECK_GUESS_LIMIT, clientAddress(c)]],
      "Too many wrong links came from this address. Wait 15 minutes, then open the link from the mail again.",
    );
    if (attempt instanceof Response) return attempt;
    const outcome = await redeemEmailCheck(db, tokenHash(body.value.token), clock.now());
    // An unknown token keeps its attempt against the address; any other answer gives it back.
    if (outcome.ok || outcome.reason !== "unknown") await attempt.release();
    if (outcome.ok) return c.json({ email: outcome.email });
    if (outcome.reason === "unknown") {
      return c.json({ error: "This check link is not valid. Make sure the whole link was copied, or send a new one from Account." }, 404);
    }
    if (outcome.reason === "used")
      return c.json({ error: "This check link was already used, so your email is checked. There is nothing more to do." }, 410);
    if (outcome.reason === "expired")
      return c.json({ error: "This check link has expired (links last 7 days). Send a new one from Account." }, 410);
    return c.json({ error: "This check link was for an email your account no longer has. Send a new one from Account." }, 410);
  })
  .post("/unsubscribe", async (c) => {
    const body = await readBody(c, LinkToken);
    if (!body.ok) return body.response;
    const stopped = await unsubscribe(c, c.get("deps").signer, body.value.token);
    return stopped ? c.json({ stopped }) : c.json({ error: NOT_GENUINE }, 404);
  });

/**
 * One-click unsubscribe from a mail program (RFC 8058: a POST to the List-Unsubscribe address).
 * Outside /api, with no session and no CSRF header: the signed token is the whole authority.
 */
export const oneClickUnsubscribe = new Hono<Env>().post("/:token", async (c) => {
  const token = c.req.param("token");
  const stopped = token.length <= 200 ? await unsubscribe(c, c.get("deps").signer, token) : undefined;
  return stopped
    ? c.text(`Done: Limber sends you no more ${stopped === "reminders" ? "reminders" : "weekly summaries"}.`)
    : c.text(NOT_GENUINE, 404);
});
