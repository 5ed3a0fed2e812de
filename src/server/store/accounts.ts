import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Tables, UserRow } from "../db/tables.ts";

export type Role = "client" | "coach";

/** The parts of a user the API may show: never the password hash. */
export interface Account {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  role: Role;
  /** The plan the person chose, or null until they choose one (a plan is offered, never assumed). */
  plan: { daysPerWeek: number; since: string } | null;
  createdAt: string;
}

export function accountOf(row: UserRow): Account {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    plan: planOf(row),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The person's chosen plan, or null. */
export function planOf(row: Pick<UserRow, "plan_days_per_week" | "plan_since">): { daysPerWeek: number; since: string } | null {
  return row.plan_days_per_week === null || row.plan_since === null ? null : { daysPerWeek: row.plan_days_per_week, since: row.plan_since };
}

export interface NewAccount {
  email: string;
  displayName: string;
  passwordHash: string;
  role: Role;
}

/**
 * Creates a user in an organisation of their own: a personal one for a client (until a coach
 * takes them on), a practice for a coach. Answers null when the email is already taken.
 */
export async function createAccount(db: Kysely<Tables>, input: NewAccount, now: Date): Promise<UserRow | null> {
  return db.transaction().execute(async (tx) => {
    const taken = await tx.selectFrom("users").select("id").where("email", "=", input.email).executeTakeFirst();
    if (taken) return null;
    const organisationId = randomUUID();
    await tx
      .insertInto("organisations")
      .values({
        id: organisationId,
        name: input.role === "coach" ? `${input.displayName}'s practice` : `${input.displayName}`,
        kind: input.role === "coach" ? "practice" : "personal",
        created_at: now,
      })
      .execute();
    const inserted = await tx
      .insertInto("users")
      .values({
        id: randomUUID(),
        organisation_id: organisationId,
        email: input.email,
        display_name: input.displayName,
        password_hash: input.passwordHash,
        role: input.role,
        created_at: now,
        password_changed_at: now,
      })
      .onConflict((oc) => oc.column("email").doNothing())
      .returningAll()
      .executeTakeFirst();
    return inserted ?? null;
  });
}

export async function findUserByEmail(db: Kysely<Tables>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirst();
}

export async function findUserById(db: Kysely<Tables>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function setPasswordHash(db: Kysely<Tables>, userId: string, passwordHash: string, now: Date): Promise<void> {
  await db.updateTable("users").set({ password_hash: passwordHash, password_changed_at: now }).where("id", "=", userId).execute();
}

/** Sets the person's plan; `since` is kept from an earlier choice unless given. */
export async function setPlan(db: Kysely<Tables>, userId: string, days: number, since: string): Promise<UserRow> {
  return db
    .updateTable("users")
    .set((eb) => ({ plan_days_per_week: days, plan_since: eb.fn.coalesce("plan_since", eb.val(since)) }))
    .where("id", "=", userId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Deletes a user and everything they own. Their organisation goes too (its name carries theirs)
 * when nobody else is left in it and it owns no programs.
 */
export async function deleteAccount(db: Kysely<Tables>, userId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const user = await tx.selectFrom("users").select(["id", "organisation_id"]).where("id", "=", userId).forUpdate().executeTakeFirst();
    if (!user) return;
    await tx.deleteFrom("session_logs").where("user_id", "=", userId).execute();
    await tx.deleteFrom("progress").where("user_id", "=", userId).execute();
    await tx.deleteFrom("auth_sessions").where("user_id", "=", userId).execute();
    await tx.deleteFrom("password_resets").where("user_id", "=", userId).execute();
    // A coach's unused invites go with them: nobody should join on the word of someone who left.
    await tx.deleteFrom("invites").where("created_by", "=", userId).where("used_at", "is", null).execute();
    await tx.deleteFrom("users").where("id", "=", userId).execute();
    const others = await tx.selectFrom("users").select("id").where("organisation_id", "=", user.organisation_id).executeTakeFirst();
    const owned = await tx.selectFrom("programs").select("id").where("organisation_id", "=", user.organisation_id).executeTakeFirst();
    if (!others && !owned) {
      await tx.deleteFrom("auth_sessions").where("organisation_id", "=", user.organisation_id).execute();
      await tx.deleteFrom("organisations").where("id", "=", user.organisation_id).execute();
    }
  });
}
