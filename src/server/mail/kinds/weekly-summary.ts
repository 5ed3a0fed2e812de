import { standingOf } from "../../../core/client-standing.ts";
import type { FlagKind } from "../../../core/adherence.ts";
import { findUserById } from "../../store/accounts.ts";
import { dashboardRows } from "../../store/dashboard.ts";
import { readMailSettings } from "../../store/mail-settings.ts";
import type { ComposeContext, Composed } from "../compose.ts";
import type { MailJob } from "../mail-job.ts";
import { unsubscribeHeaders } from "./reminder.ts";
import { count } from "../../../core/words.ts";

/** Why a client needs attention, in words without scores: the numbers stay in the app. */
const REASON: Record<FlagKind, string> = {
  "pain-high": "pain was high after the last session",
  "pain-rising": "pain has been rising over recent sessions",
  stopped: "has missed several planned days",
};

/**
 * A coach's weekly summary, from the dashboard's own query and judgements: who needs attention and
 * why, sessions done in the week, who stopped, and new notes. The subject and preview name nothing.
 */
export async function composeWeeklySummary(ctx: ComposeContext, job: Extract<MailJob, { kind: "weekly-summary" }>): Promise<Composed> {
  const coach = await findUserById(ctx.db, job.userId);
  const settings = coach && (await readMailSettings(ctx.db, coach.id));
  if (!coach || coach.role !== "coach" || !settings?.weeklySummary || !settings.emailChecked)
    return { skip: "the weekly summary was turned off" };
  const seenAt = coach.clients_seen_at === null ? null : new Date(coach.clients_seen_at);
  const rows = (await dashboardRows(ctx.db, coach.organisation_id, job.weekEnding, { seenAt })).map((r) => ({
    ...r,
    standing: standingOf(r.facts, job.weekEnding),
  }));
  const attention = rows
    .filter((r) => r.standing.flags.length > 0)
    .sort((a, b) => b.standing.attention - a.standing.attention || a.displayName.localeCompare(b.displayName));
  const byName = [...rows].sort((a, b) => a.displayName.localeCompare(b.displayName));
  const sessions = rows.reduce((n, r) => n + r.sessionsThisWeek, 0);
  const token = ctx.signer.sign("weekly-summary", coach.id);
  return {
    content: {
      subject: "Your Limber weekly summary",
      preview: "How your clients' week went, with who to look at first.",
      greeting: `Hello ${coach.display_name},`,
      paragraphs: [
        `In the week up to ${job.weekEnding}, your ${count(rows.length, "client")} did ${count(sessions, "session")} between them. Open Limber for the details of each.`,
      ],
      sections: [
        {
          heading: "Who needs attention",
          items: attention.map((r) => `${r.displayName}: ${r.standing.flags.map((f) => REASON[f.kind]).join("; ")}`),
        },
        {
          heading: "Sessions done this week",
          items: byName.map((r) => `${r.displayName}: ${count(r.sessionsThisWeek, "session")}`),
        },
        {
          heading: "Who stopped",
          items: byName.filter((r) => r.standing.flags.some((f) => f.kind === "stopped")).map((r) => r.displayName),
        },
        {
          heading: "New notes since you last looked",
          items: byName.filter((r) => r.newSince.notes > 0).map((r) => `${r.displayName}: ${count(r.newSince.notes, "note")}`),
        },
      ],
      action: { label: "Open your clients in Limber", href: `${ctx.publicUrl}/#/coach` },
      footer: ["You get this because you turned on the weekly summary in Limber, under Account."],
      unsubscribe: { label: "Stop the weekly summary (one click)", href: `${ctx.publicUrl}/#/unsubscribe/${token}` },
    },
    headers: unsubscribeHeaders(`${ctx.publicUrl}/mail/unsubscribe/${token}`),
  };
}
