import { z } from "zod";

/**
 * What a queued mail is about. The words are written when the mail is sent, from these facts and
 * the database at that moment, so links in it are fresh and no token waits in the queue.
 */
export const MailJob = z.discriminatedUnion("kind", [
  /** Someone asked for a reset link for this address; there may be no account with it. */
  z.object({ kind: z.literal("password-reset"), email: z.string() }),
  /** A new account's address, to be shown theirs by opening a link. */
  z.object({ kind: z.literal("email-check"), userId: z.uuid() }),
  /** Today's reminder for a planned day (the person's local day). */
  z.object({ kind: z.literal("reminder"), userId: z.uuid(), day: z.string() }),
  /** A coach's summary of the week ending on `weekEnding` (a Sunday, in their time zone). */
  z.object({ kind: z.literal("weekly-summary"), userId: z.uuid(), weekEnding: z.string() }),
  /** A coach's invite to this address; the invite and its code are made at sending. */
  z.object({
    kind: z.literal("invite"),
    organisationId: z.uuid(),
    coachId: z.uuid(),
    email: z.string(),
    label: z.string(),
    days: z.number().int(),
  }),
]);
export type MailJob = z.infer<typeof MailJob>;
export type MailKind = MailJob["kind"];
