import type { Kysely } from "kysely";
import { Program } from "../../core/program.ts";
import type { Tables } from "../db/tables.ts";

/** Puts the built-in programs in the database; versions already there are left alone. */
export async function seedPrograms(db: Kysely<Tables>, programs: readonly Program[], now: Date): Promise<void> {
  for (const p of programs) {
    await db
      .insertInto("programs")
      .values({ id: p.id, version: p.version, organisation_id: null, title: p.title, document: JSON.stringify(p), created_at: now })
      .onConflict((oc) => oc.columns(["id", "version"]).doNothing())
      .execute();
  }
}

export interface ProgramListing {
  id: string;
  version: number;
  title: string;
  builtIn: boolean;
}

/** The latest version of each program an organisation may see: built-in ones and its own. */
export async function listPrograms(db: Kysely<Tables>, organisationId: string | null): Promise<ProgramListing[]> {
  const rows = await db
    .selectFrom("programs")
    .select(["id", "title", "organisation_id", "version"])
    .where((w) =>
      organisationId
        ? w.or([w("organisation_id", "is", null), w("organisation_id", "=", organisationId)])
        : w("organisation_id", "is", null),
    )
    .orderBy("id")
    .execute();
  const latest = new Map<string, ProgramListing>();
  for (const r of rows) {
    const seen = latest.get(r.id);
    if (!seen || r.version > seen.version)
      latest.set(r.id, { id: r.id, version: Number(r.version), title: r.title, builtIn: r.organisation_id === null });
  }
  return [...latest.values()];
}

/** Program versions never change once stored, so each is validated once per database and kept. */
const parsedByDb = new WeakMap<object, Map<string, Program>>();

/** The latest (or a given) version of one program visible to an organisation. */
export async function findProgram(
  db: Kysely<Tables>,
  id: string,
  organisationId: string | null,
  version?: number,
): Promise<Program | undefined> {
  // PostgreSQL text cannot hold NUL, so no program has such an id; asking would fail, not miss.
  if (id.includes("\u0000")) return undefined;
  let q = db
    .selectFrom("programs")
    .select(["id", "version"])
    .where("id", "=", id)
    .where((w) =>
      organisationId
        ? w.or([w("organisation_id", "is", null), w("organisation_id", "=", organisationId)])
        : w("organisation_id", "is", null),
    );
  if (version !== undefined) q = q.where("version", "=", version);
  const row = await q.orderBy("version", "desc").limit(1).executeTakeFirst();
  if (!row) return undefined;
  const key = `${row.id}@${row.version}`;
  let parsed = parsedByDb.get(db);
  if (!parsed) parsedByDb.set(db, (parsed = new Map()));
  let program = parsed.get(key);
  if (!program) {
    const { document } = await db
      .selectFrom("programs")
      .select("document")
      .where("id", "=", row.id)
      .where("version", "=", row.version)
      .executeTakeFirstOrThrow();
    program = Program.parse(document);
    parsed.set(key, program);
  }
  return program;
}
