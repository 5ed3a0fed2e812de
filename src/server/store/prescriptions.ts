import type { Kysely } from "kysely";
import { Prescription } from "../../core/prescription.ts";
import type { Tables } from "../db/tables.ts";

/** A stored prescription and who set it and when. */
export interface StoredPrescription extends Prescription {
  setBy: "coach" | "self";
  updatedAt: string;
}

/** The client's current prescription, or null when none was set. */
export async function readPrescription(db: Kysely<Tables>, userId: string): Promise<StoredPrescription | null> {
  const row = await db
    .selectFrom("prescriptions as p")
    .leftJoin("users as u", "u.id", "p.set_by")
    .select([
      "p.program_id",
      "p.program_version",
      "p.schedule",
      "p.hold_overrides",
      "p.note",
      "p.updated_at",
      "p.set_by",
      "p.user_id",
      "u.role",
    ])
    .where("p.user_id", "=", userId)
    .executeTakeFirst();
  if (!row) return null;
  const prescription = Prescription.parse({
    programId: row.program_id,
    programVersion: row.program_version,
    schedule: row.schedule,
    holdOverrides: row.hold_overrides,
    note: row.note,
  });
  return {
    ...prescription,
    setBy: row.set_by !== row.user_id && row.role === "coach" ? "coach" : "self",
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Sets (or replaces) a client's prescription; the program version it names stays fixed until replaced. */
export async function writePrescription(
  db: Kysely<Tables>,
  owner: { userId: string; organisationId: string },
  p: Prescription,
  setBy: string,
  now: Date,
): Promise<void> {
  const values = {
    organisation_id: owner.organisationId,
    program_id: p.programId,
    program_version: p.programVersion,
    schedule: JSON.stringify(p.schedule),
    hold_overrides: JSON.stringify(p.holdOverrides),
    note: p.note,
    set_by: setBy,
    updated_at: now,
  };
  await db
    .insertInto("prescriptions")
    .values({ user_id: owner.userId, ...values })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
    .execute();
}
