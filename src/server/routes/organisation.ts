import { Hono, type Context } from "hono";
import { z } from "zod";
import { inviteCodeHash, newInviteCode } from "../auth/invite-code.ts";
import { requireSession } from "../auth/current-session.ts";
import { requireCoach } from "../auth/require-role.ts";
import { sessionOf, type Env } from "../context.ts";
import { parseWith, readBody } from "../http/problems.ts";
import { acceptInvite, deleteInvite, insertInvite, leavePractice, listInvites, previewInvite } from "../store/invites.ts";
import { coachOfOrganisation, readOrganisation, updateOrganisation } from "../store/organisations.ts";

const DAY_MS = 86_400_000;
export const PracticeChange = z.object({
  name: z.string().trim().min(1, "Give the practice a name.").max(120, "Keep the practice's name to 120 characters or fewer."),
  contact: z.string().trim().max(500, "Keep the contact details to 500 characters or fewer.").default(""),
});
export const InviteLabel = z.string().trim().max(80, "Keep the label to 80 characters or fewer.").default("");
export const InviteDays = z
  .number()
  .int()
  .min(1, "Let the invite last 1 to 90 days.")
  .max(90, "Let the invite last 1 to 90 days.")
  .default(14);
export const NewInvite = z.object({ label: InviteLabel, days: InviteDays });
export const InviteAcceptance = z.object({
  code: z
    .string()
    .trim()
    .min(10, "Enter the whole invite code you were given.")
    .max(60, "Enter only the invite code; this is longer than any code."),
});
const InviteId = z.object({ id: z.uuid("expected an invite id (a UUID)") });

/** Why an invite code cannot be used, in words for the person holding it. */
function inviteRefusal(c: Context<Env>, reason: "unknown" | "used" | "expired") {
  if (reason === "unknown") return c.json({ error: "This invite code is not known. Check it with your coach." }, 404);
  if (reason === "used") return c.json({ error: "This invite code was already used. Ask your coach for a new one." }, 409);
  return c.json({ error: "This invite code has expired. Ask your coach for a new one." }, 410);
}

/** A coach's practice: its name and contact details, and invites for clients to join it. */
export const organisationRoutes = new Hono<Env>()
  .get("/organisation", requireCoach, async (c) => c.json(await readOrganisation(c.get("deps").db, sessionOf(c).user.organisation_id)))
  .put("/organisation", requireCoach, async (c) => {
    const body = await readBody(c, PracticeChange);
    if (!body.ok) return body.response;
    return c.json(await updateOrganisation(c.get("deps").db, sessionOf(c).user.organisation_id, body.value));
  })
  .get("/coach", requireSession, async (c) =>
    c.json({ coach: await coachOfOrganisation(c.get("deps").db, sessionOf(c).user.organisation_id) }),
  )
  .get("/invites", requireCoach, async (c) => c.json({ invites: await listInvites(c.get("deps").db, sessionOf(c).user.organisation_id) }))
  .post("/invites", requireCoach, async (c) => {
    const body = await readBody(c, NewInvite);
    if (!body.ok) return body.response;
    const { db, clock } = c.get("deps");
    const { user } = sessionOf(c);
    const code = newInviteCode();
    const now = clock.now();
    const invite = await insertInvite(
      db,
      {
        organisationId: user.organisation_id,
        codeHash: inviteCodeHash(code),
        label: body.value.label,
        createdBy: user.id,
        expiresAt: new Date(now.getTime() + body.value.days * DAY_MS),
      },
      now,
    );
    // The code is shown this once; only its hash is kept.
    return c.json({ invite, code, path: `/#/join/${code}` }, 201);
  })
  .delete("/invites/:id", requireCoach, async (c) => {
    const params = parseWith(c, InviteId, c.req.param());
    if (!params.ok) return params.response;
    const gone = await deleteInvite(c.get("deps").db, sessionOf(c).user.organisation_id, params.value.id);
    return gone
      ? c.body(null, 204)
      : c.json({ error: "There is no unused invite with this id. It may have been used or withdrawn already." }, 404);
  })
  .post("/invites/preview", async (c) => {
    // No session needed: someone opening an invite link sees whom they would join before making an account.
    const body = await readBody(c, InviteAcceptance);
    if (!body.ok) return body.response;
    const { db, clock } = c.get("deps");
    const preview = await previewInvite(db, inviteCodeHash(body.value.code), clock.now());
    if (preview.ok) return c.json({ practice: preview.practice, coachName: preview.coachName });
    return inviteRefusal(c, preview.reason);
  })
  .post("/invites/accept", requireSession, async (c) => {
    const body = await readBody(c, InviteAcceptance);
    if (!body.ok) return body.response;
    const { db, clock } = c.get("deps");
    const outcome = await acceptInvite(db, inviteCodeHash(body.value.code), sessionOf(c).user.id, clock.now());
    if (!outcome.ok) {
      if (outcome.reason === "not-a-client")
        return c.json({ error: "A coach's account cannot join another practice. Sign in with a client's account to join." }, 403);
      return inviteRefusal(c, outcome.reason);
    }
    return c.json({ coach: await coachOfOrganisation(db, outcome.organisationId) });
  })
  .post("/practice/leave", requireSession, async (c) => {
    const { db, clock } = c.get("deps");
    const outcome = await leavePractice(db, sessionOf(c).user.id, clock.now());
    if (outcome.ok) return c.json({ left: true });
    if (outcome.reason === "not-a-client")
      return c.json({ error: "A coach cannot leave their own practice. Delete the account under Account instead." }, 403);
    return c.json({ error: "You are not in a coach's practice, so there is nothing to leave." }, 409);
  });
