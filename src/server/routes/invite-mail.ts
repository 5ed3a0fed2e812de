import { Hono } from "hono";
import { z } from "zod";
import { requireCoach } from "../auth/require-role.ts";
import { sessionOf, type Env } from "../context.ts";
import { readBody } from "../http/problems.ts";
import { tooManyRequests } from "../http/too-many.ts";
import { enqueueMailWithinCap, type MailCap } from "../store/mail-queue.ts";
import { Email } from "./auth.ts";
import { InviteDays, InviteLabel } from "./organisation.ts";

export const InviteByMail = z.object({
  email: Email,
  label: InviteLabel,
  days: InviteDays,
});

/** At most 3 invites mailed to one address in a day. */
export const INVITE_MAILS = { mails: 3, windowMs: 24 * 60 * 60_000 } as const satisfies MailCap;

/**
 * An invite mailed by the coach, beside the code and link. The invite itself is made when the mail
 * is sent (its code goes only into the mail, and only its hash is kept), so no code waits in the queue.
 */
export const inviteMailRoutes = new Hono<Env>().post("/", requireCoach, async (c) => {
  const body = await readBody(c, InviteByMail);
  if (!body.ok) return body.response;
  const { db, clock, mail } = c.get("deps");
  const { user } = sessionOf(c);
  const now = clock.now();
  const { email, label, days } = body.value;
  const queued = await enqueueMailWithinCap(
    db,
    {
      job: { kind: "invite", organisationId: user.organisation_id, coachId: user.id, email, label: label || email, days },
      recipient: email,
    },
    INVITE_MAILS,
    now,
  );
  if (!queued)
    return tooManyRequests(
      c,
      INVITE_MAILS.windowMs,
      `Three invites were mailed to ${email} today. Wait for them, or give the code in person.`,
    )!;
  mail.queued();
  return c.json({ message: `An invite is on its way to ${email}. It shows in your list of invites once sent.` }, 202);
});
