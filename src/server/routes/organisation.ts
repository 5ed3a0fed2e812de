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
export const PracticeChange = z.object({ name: z.string().trim().min(1).max(120), contact: z.string().trim().max(500).default("") });
export const NewInvite = z.object({ label: z.string().trim().max(80).default(""), days: z.number().int().min(1).max(90).default(14) });
export const InviteAcceptance = z.object({ code: z.string().trim().min(10, "expected the invite code you were given").max(60) });
const InviteId = z.object({ id: z.uuid("expected an invite id (a UUID)") });

/** Why an invite code cannot be used, in words for the person holding it. */
function inviteRefusal(c: Context<Env>, reason: "unknown" | "used" | "expired") {
  if (reason === "unknown") return c.json({ error: "this invite code is not known; check it with your coach" }, 404);
  if (reason === "used") return c.json({ error: "this invite code was already used; ask your coach for a new one" }, 409);
  return c.json({ error: "this invite code has expired; ask your coach for a new one" }, 410);
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
    return gone ? c.body(null, 204) : c.json({ error: "no such unused invite" }, 404);
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
      if (outcome.reason === "not-a-client") return c.json({ error: "a coach's account cannot join another practice" }, 403);
      return inviteRefusal(c, outcome.reason);
    }
    return c.json({ coach: await coachOfOrganisation(db, outcome.organisationId) });
  })
  .post("/practice/leave", requireSession, async (c) => {
    const { db, clock } = c.get("deps");
    const outcome = await leavePractice(db, sessionOf(c).user.id, clock.now());
    if (outcome.ok) return c.json({ left: true });
    if (outcome.reason === "not-a-client") return c.json({ error: "a coach cannot leave their own practice" }, 403);
    return c.json({ error: "you are not in a coach's practice" }, 409);
  });
