import { localMoment } from "../../../core/reminders.ts";
import { practisedOn, reminderSubscribers } from "../../store/reminders.ts";
import type { ComposeContext, Composed } from "../compose.ts";
import type { MailJob } from "../mail-job.ts";

/** The headers that let a mail program offer one-click unsubscribe (RFC 2369 and RFC 8058). */
export function unsubscribeHeaders(oneClickUrl: string): Record<string, string> {
  return { "List-Unsubscribe": `<${oneClickUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/**
 * A reminder on a planned day. It says only that a session is planned: no pain, notes or program
 * details, since mail passes through more hands than Limber. Checked again at sending: none goes
 * after unsubscribing, after that day's session is done, or once the day is over.
 */
export async function composeReminder(ctx: ComposeContext, job: Extract<MailJob, { kind: "reminder" }>): Promise<Composed> {
  const [s] = await reminderSubscribers(ctx.db, job.userId);
  if (!s) return { skip: "reminders were turned off" };
  if (localMoment(ctx.now, s.timeZone).day !== job.day) return { skip: "the day is over" };
  if (await practisedOn(ctx.db, s.userId, job.day)) return { skip: "the session was done" };
  const token = ctx.signer.sign("reminders", s.userId);
  return {
    content: {
      subject: "Your Limber reminder",
      preview: "Today is one of your planned stretching days.",
      greeting: `Hello ${s.displayName},`,
      paragraphs: [
        "Today is one of your planned days for stretching. When you have a quiet moment, open Limber and press Start session; it guides you through every hold.",
        "Stretch gently, and stop if anything hurts sharply.",
      ],
      action: { label: "Open Limber", href: `${ctx.publicUrl}/#/` },
      footer: [`You get this because you turned on reminders in Limber, at ${s.reminderTime} on planned days.`],
      unsubscribe: { label: "Stop these reminders (one click)", href: `${ctx.publicUrl}/#/unsubscribe/${token}` },
    },
    headers: unsubscribeHeaders(`${ctx.publicUrl}/mail/unsubscribe/${token}`),
  };
}
