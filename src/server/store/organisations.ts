import type { Kysely } from "kysely";
import type { Tables } from "../db/tables.ts";

/** A practice as its coach and clients see it. */
export interface OrganisationView {
  id: string;
  name: string;
  kind: "personal" | "practice";
  contact: string;
}

export async function readOrganisation(db: Kysely<Tables>, id: string): Promise<OrganisationView> {
  return db.selectFrom("organisations").select(["id", "name", "kind", "contact"]).where("id", "=", id).executeTakeFirstOrThrow();
}

/** Names the practice and says how clients reach it; only a practice is ever renamed here. */
export async function updateOrganisation(
  db: Kysely<Tables>,
  id: string,
  change: { name: string; contact: string },
): Promise<OrganisationView> {
  return db
    .updateTable("organisations")
    .set({ name: change.name, contact: change.contact })
    .where("id", "=", id)
    .returning(["id", "name", "kind", "contact"])
    .executeTakeFirstOrThrow();
}

/** The coach a client sees: name and how to reach them, nothing else. */
export interface CoachContact {
  practice: string;
  coachName: string;
  email: string;
  contact: string;
}

/** The coach of a client's organisation, or null for a client on their own. */
export async function coachOfOrganisation(db: Kysely<Tables>, organisationId: string): Promise<CoachContact | null> {
  const row = await db
    .selectFrom("organisations as o")
    .innerJoin("users as u", (j) => j.onRef("u.organisation_id", "=", "o.id").on("u.role", "=", "coach"))
    .select(["o.name", "o.contact", "u.display_name", "u.email"])
    .where("o.id", "=", organisationId)
    .where("o.kind", "=", "practice")
    .orderBy("u.created_at")
    .limit(1)
    .executeTakeFirst();
  return row ? { practice: row.name, coachName: row.display_name, email: row.email, contact: row.contact } : null;
}
