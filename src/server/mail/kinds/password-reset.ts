import { issuePasswordReset, resetLinkFor } from "../../auth/password-reset.ts";
import { tokenHash } from "../../auth/tokens.ts";
import { withdrawPasswordReset } from "../../store/password-resets.ts";
import type { ComposeContext, Composed } from "../compose.ts";
import type { MailJob } from "../mail-job.ts";

/** A request not sent within an hour (the mail server was down) is dropped: the person has moved on or asked again. */
export const RESET_REQUEST_STALE_MS = 60 * 60_000;

/**
 * The reset mail. The link is made now, at sending, so it is fresh and never waits in the queue;
 * an address with no account gets no mail at all.
 */
export async function composePasswordReset(
  ctx: ComposeContext,
  job: Extract<MailJob, { kind: "password-reset" }>,
  askedAt: Date,
): Promise<Composed> {
  if (ctx.now.getTime() - new Date(askedAt).getTime() > RESET_REQUEST_STALE_MS) return { skip: "asked for over an hour ago" };
  const issued = await issuePasswordReset(ctx.db, job.email, ctx.now);
  if (!issued.ok) return { skip: issued.problem };
  const link = resetLinkFor(ctx.publicUrl, issued.token);
  return {
    content: {
      subject: "Set a new Limber password",
      preview: "A link to choose a new password, for the next 30 minutes.",
      greeting: `Hello ${issued.displayName},`,
      paragraphs: [
        "Someone asked to set a new password for your Limber account. If it was you, open the link below and choose a new one.",
        "The link works once, for the next 30 minutes. Using it signs you out everywhere else, so only the new password opens your account.",
        "If you did not ask, you can ignore this mail: your password stays as it is.",
      ],
      action: { label: "Choose a new password", href: link },
      footer: ["You get this mail because a new password was asked for on Limber with this address."],
    },
    undo: () => withdrawPasswordReset(ctx.db, tokenHash(issued.token)),
  };
}
