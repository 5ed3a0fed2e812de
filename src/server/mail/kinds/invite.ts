import { inviteCodeHash, newInviteCode } from "../../auth/invite-code.ts";
import { findUserById } from "../../store/accounts.ts";
import { deleteInvite, insertInvite } from "../../store/invites.ts";
import type { ComposeContext, Composed } from "../compose.ts";
import type { MailJob } from "../mail-job.ts";

/** A coach's invite by mail: the invite is made now, at sending, and taken back if the mail cannot go. */
export async function composeInvite(ctx: ComposeContext, job: Extract<MailJob, { kind: "invite" }>): Promise<Composed> {
  const coach = await findUserById(ctx.db, job.coachId);
  if (!coach || coach.organisation_id !== job.organisationId) return { skip: "the coach is no longer in this practice" };
  const practice = await ctx.db.selectFrom("organisations").select("name").where("id", "=", job.organisationId).executeTakeFirst();
  if (!practice) return { skip: "the practice was closed" };
  const code = newInviteCode();
  const expiresAt = new Date(ctx.now.getTime() + job.days * 24 * 60 * 60_000);
  const invite = await insertInvite(
    ctx.db,
    { organisationId: job.organisationId, codeHash: inviteCodeHash(code), label: job.label, createdBy: coach.id, expiresAt },
    ctx.now,
  );
  return {
    content: {
      subject: `An invite to ${practice.name} in Limber`,
      preview: `${coach.display_name} invites you to follow your stretching plan in Limber.`,
      greeting: "Hello,",
      paragraphs: [
        `${coach.display_name} of ${practice.name} invites you to Limber, where you can follow the stretching plan they give you and they can see how it goes.`,
        `Open the link below and make an account (or sign in). If the link does not open, go to Limber and enter this code: ${code}. It works once, until ${expiresAt.toISOString().slice(0, 10)}.`,
        "If you do not know this practice, you can ignore this mail.",
      ],
      action: { label: "Accept the invite", href: `${ctx.publicUrl}/#/join/${code}` },
      footer: [`You get this mail because ${coach.display_name} typed this address into Limber.`],
    },
    undo: async () => void (await deleteInvite(ctx.db, job.organisationId, invite.id)),
  };
}
