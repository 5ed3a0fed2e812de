import { coachOfOrganisation } from "./organisations.ts";
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Tables } from "../db/tables.ts";

/** An invite as its coach sees it in the list; the code itself is shown only once, at creation. */
export interface InviteView {
  id: string;
  label: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

const viewOf = (r: { id: string; label: string; created_at: Date; expires_at: Date; used_at: Date | null }): InviteView => ({
  id: r.id,
  label: r.label,
  createdAt: new Date(r.created_at).toISOString(),
  expiresAt: new Date(r.expires_at).toISOString(),
  usedAt: r.used_at ? new Date(r.used_at).toISOString() : null,
});

export async function insertInvite(
  db: Kysely<Tables>,
  input: { organisationId: string; codeHash: string; label: string; createdBy: string; expiresAt: Date },
  now: Date,
): Promise<InviteView> {
  const row = await db
    .insertInto("invites")
    .values({
      id: randomUUID(),
      organisation_id: input.organisationId,
      code_hash: input.codeHash,
      label: input.label,
      created_by: input.createdBy,
      created_at: now,
      expires_at: input.expiresAt,
    })
    .returning(["id", "label", "created_at", "expires_at", "used_at"])
    .executeTakeFirstOrThrow();
  return viewOf(row);
}

export async function listInvites(db: Kysely<Tables>, organisationId: string): Promise<InviteView[]> {
  const rows = await db
    .selectFrom("invites")
    .select(["id", "label", "created_at", "expires_at", "used_at"])
    .where("organisation_id", "=", organisationId)
    .orderBy("created_at", "desc")
    .limit(200)
    .execute();
  return rows.map(viewOf);
}

/** Withdraws an unused invite of this organisation; answers false when there is none. */
export async function deleteInvite(db: Kysely<Tables>, organisationId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom("invites")
    .where("id", "=", id)
    .where("organisation_id", "=", organisationId)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** What an invite tells someone before they sign up: the practice and its coach, nothing more. */
export type InvitePreview = { ok: true; practice: string; coachName: string } | { ok: false; reason: "unknown" | "used" | "expired" };

/** The practice and coach an unused, unexpired invite leads to. */
export async function previewInvite(db: Kysely<Tables>, codeHash: string, now: Date): Promise<InvitePreview> {
  const invite = await db
    .selectFrom("invites")
    .select(["organisation_id", "expires_at", "used_at"])
    .where("code_hash", "=", codeHash)
    .executeTakeFirst();
  if (!invite) return { ok: false, reason: "unknown" };
  if (invite.used_at) return { ok: false, reason: "used" };
  if (new Date(invite.expires_at) <= now) return { ok: false, reason: "expired" };
  const coach = await coachOfOrganisation(db, invite.organisation_id);
  return coach ? { ok: true, practice: coach.practice, coachName: coach.coachName } : { ok: false, reason: "unknown" };
}

export type AcceptOutcome = { ok: true; organisationId: string } | { ok: false; reason: "unknown" | "used" | "expired" | "not-a-client" };

/** Every table whose rows follow a person when they change organisation. */
const FOLLOWING_TABLES = [
  "auth_sessions",
  "session_logs",
  "progress",
  "calendar_feeds",
  "messages",
  "prescriptions",
  "mail_settings",
  "reminder_days",
  "weekly_summaries",
] as const;

/**
 * Uses an invite once: the client moves into the coach's organisation with all their data (logs,
 * progress, their own plan, feed, notes), and a personal organisation left empty is removed.
 * The invite row is locked, so two people racing for one code cannot both get in. A practice
 * whose coach has gone (a client or a program kept it) takes nobody new.
 */
export async function acceptInvite(db: Kysely<Tables>, codeHash: string, userId: string, now: Date): Promise<AcceptOutcome> {
  return db.transaction().execute(async (tx) => {
    const invite = await tx
      .selectFrom("invites")
      .select(["id", "organisation_id", "expires_at", "used_at"])
      .where("code_hash", "=", codeHash)
      .forUpdate()
      .executeTakeFirst();
    if (!invite) return { ok: false, reason: "unknown" };
    if (invite.used_at) return { ok: false, reason: "used" };
    if (new Date(invite.expires_at) <= now) return { ok: false, reason: "expired" };
    // As in previewInvite: an invite leads only into a practice that still has a coach.
    if (!(await coachOfOrganisation(tx, invite.organisation_id))) return { ok: false, reason: "unknown" };
    const user = await tx
      .selectFrom("users")
      .select(["organisation_id", "role"])
      .where("id", "=", userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (user.role !== "client") return { ok: false, reason: "not-a-client" };
    await tx.updateTable("invites").set({ used_at: now, used_by: userId }).where("id", "=", invite.id).execute();
    if (user.organisation_id !== invite.organisation_id) await moveUser(tx, userId, user.organisation_id, invite.organisation_id);
    return { ok: true, organisationId: invite.organisation_id };
  });
}

async function moveUser(tx: Transaction<Tables>, userId: string, from: string, to: string): Promise<void> {
  // A plan on a program the old organisation owned cannot come along: the new coach sets one.
  const plan = await tx
    .selectFrom("prescriptions as p")
    .leftJoin("programs as g", (j) => j.onRef("g.id", "=", "p.program_id").onRef("g.version", "=", "p.program_version"))
    .select("g.organisation_id")
    .where("p.user_id", "=", userId)
    .executeTakeFirst();
  if (plan && plan.organisation_id !== null) await tx.deleteFrom("prescriptions").where("user_id", "=", userId).execute();
  await tx.updateTable("users").set({ organisation_id: to }).where("id", "=", userId).execute();
  for (const table of FOLLOWING_TABLES) await tx.updateTable(table).set({ organisation_id: to }).where("user_id", "=", userId).execute();
  const left = await tx.selectFrom("organisations as o").select(["o.kind"]).where("o.id", "=", from).executeTakeFirst();
  const others = await tx.selectFrom("users").select("id").where("organisation_id", "=", from).executeTakeFirst();
  const owned = await tx.selectFrom("programs").select("id").where("organisation_id", "=", from).executeTakeFirst();
  if (left?.kind === "personal" && !others && !owned) {
    await tx.deleteFrom("invites").where("organisation_id", "=", from).execute();
    await tx.deleteFrom("organisations").where("id", "=", from).execute();
  }
}

export type LeaveOutcome = { ok: true } | { ok: false; reason: "not-in-practice" | "not-a-client" };

/**
 * A client leaves their coach's practice (or the coach removes them): they move into an
 * organisation of their own, and everything of theirs comes along (logs, progress, notes, their
 * calendar address), so the coach sees none of it from then on. A plan the coach set ends with the
 * coaching; a plan the person set for themselves stays.
 */
export async function leavePractice(db: Kysely<Tables>, userId: string, now: Date): Promise<LeaveOutcome> {
  return db.transaction().execute(async (tx) => {
    const user = await tx
      .selectFrom("users")
      .select(["organisation_id", "role", "display_name"])
      .where("id", "=", userId)
      .forUpdate()
      .executeTakeFirst();
    if (!user) return { ok: false, reason: "not-in-practice" };
    if (user.role !== "client") return { ok: false, reason: "not-a-client" };
    const organisation = await tx
      .selectFrom("organisations")
      .select("kind")
      .where("id", "=", user.organisation_id)
      .executeTakeFirstOrThrow();
    if (organisation.kind !== "practice") return { ok: false, reason: "not-in-practice" };
    await tx
      .deleteFrom("prescriptions")
      .where("user_id", "=", userId)
      .where((eb) => eb.or([eb("set_by", "is", null), eb("set_by", "!=", userId)]))
      .execute();
    const own = randomUUID();
    await tx.insertInto("organisations").values({ id: own, name: user.display_name, kind: "personal", created_at: now }).execute();
    await moveUser(tx, userId, user.organisation_id, own);
    return { ok: true };
  });
}
