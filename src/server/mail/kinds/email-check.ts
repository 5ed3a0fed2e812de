import { newToken, tokenHash } from "../../auth/tokens.ts";
import { findUserById } from "../../store/accounts.ts";
import { insertEmailCheck, withdrawEmailCheck } from "../../store/email-checks.ts";
import { readMailSettings } from "../../store/mail-settings.ts";
import type { ComposeContext, Composed } from "../compose.ts";
import type { MailJob } from "../mail-job.ts";

/** The mail that checks a new account's address: a link made now, at sending, whose hash alone is kept. */
export async function composeEmailCheck(ctx: ComposeContext, job: Extract<MailJob, { kind: "email-check" }>): Promise<Composed> {
  const user = await findUserById(ctx.db, job.userId);
  if (!user) return { skip: "the account was deleted" };
  if ((await readMailSettings(ctx.db, user.id))?.emailChecked) return { skip: "the address is already checked" };
  const token = newToken();
  await insertEmailCheck(ctx.db, { tokenHash: tokenHash(token), userId: user.id, email: user.email }, ctx.now);
  return {
    content: {
      subject: "Check your email for Limber",
      preview: "One click shows this address is yours.",
      greeting: `Hello ${user.display_name},`,
      paragraphs: [
        "Welcome to Limber. Please open the link below to show that this email address is yours.",
        "Limber works without it, but reminders and summaries by mail start only once the address is checked. The link works for 7 days.",
        "If you did not make a Limber account, you can ignore this mail.",
      ],
      action: { label: "Check my email", href: `${ctx.publicUrl}/#/check-email/${token}` },
      footer: ["You get this mail because a Limber account was made with this address."],
    },
    undo: () => withdrawEmailCheck(ctx.db, tokenHash(token)),
  };
}
