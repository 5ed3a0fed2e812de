import type { Kysely } from "kysely";
import type { Tables } from "../db/tables.ts";
import type { QueuedMail } from "../store/mail-queue.ts";
import type { MailContent } from "./layout.ts";
import { composeEmailCheck } from "./kinds/email-check.ts";
import { composeInvite } from "./kinds/invite.ts";
import { composeReminder } from "./kinds/reminder.ts";
import { composeWeeklySummary } from "./kinds/weekly-summary.ts";
import { composePasswordReset } from "./kinds/password-reset.ts";
import type { LinkSigner } from "./link-signer.ts";

export interface ComposeContext {
  db: Kysely<Tables>;
  now: Date;
  /** Where links point, without a trailing slash. */
  publicUrl: string;
  signer: LinkSigner;
}

/**
 * A mail written, with extra headers, and what to take back if it cannot be sent (a link minted
 * for it); or why it is no longer worth sending.
 */
export type Composed = { content: MailContent; headers?: Record<string, string>; undo?: () => Promise<void> } | { skip: string };

/** Writes the mail for a queued job from the database as it is now. */
export function composeMail(ctx: ComposeContext, mail: QueuedMail): Promise<Composed> {
  const job = mail.job;
  switch (job.kind) {
    case "password-reset":
      return composePasswordReset(ctx, job, mail.created_at);
    case "email-check":
      return composeEmailCheck(ctx, job);
    case "reminder":
      return composeReminder(ctx, job);
    case "weekly-summary":
      return composeWeeklySummary(ctx, job);
    case "invite":
      return composeInvite(ctx, job);
  }
}
