import type { Kysely } from "kysely";
import type { Program } from "../../core/program.ts";
import type { Tables } from "../db/tables.ts";

/** Keeps a new program of an organisation as version 1. Answers false when the id is taken. */
export async function insertNewProgram(db: Kysely<Tables>, organisationId: string, program: Program, now: Date): Promise<boolean> {
  const r = await db
    .insertInto("programs")
    .values({
      id: program.id,
      version: 1,
      organisation_id: organisationId,
      title: program.title,
      document: JSON.stringify({ ...program, version: 1 }),
      created_at: now,
    })
    .onConflict((oc) => oc.columns(["id", "version"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * Keeps an edit as the next version of an organisation's own program; earlier versions stay, so
 * logs and prescriptions that name them still read the program as it was. Answers the new
 * version, or null when the organisation owns no program with this id.
 */
export async function insertProgramVersion(
  db: Kysely<Tables>,
  organisationId: string,
  program: Program,
  now: Date,
): Promise<number | null> {
  return db.transaction().execute(async (tx) => {
    const latest = await tx
      .selectFrom("programs")
      .select(["version", "organisation_id"])
      .where("id", "=", program.id)
      .orderBy("version", "desc")
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!latest || latest.organisation_id !== organisationId) return null;
    const version = Number(latest.version) + 1;
    await tx
      .insertInto("programs")
      .values({
        id: program.id,
        version,
        organisation_id: organisationId,
        title: program.title,
        document: JSON.stringify({ ...program, version }),
        created_at: now,
      })
      .execute();
    return version;
  });
}
