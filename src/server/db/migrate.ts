import { Migrator, sql, type Kysely } from "kysely";
import { migrationProvider, migrations } from "./migrations/index.ts";
import type { Tables } from "./tables.ts";

/** Brings the schema up to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Tables>): Promise<string[]> {
  if (await isUpToDate(db)) return [];
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const name = failed ? ` "${failed.migrationName}"` : "";
    throw new Error(`database migration${name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).map((r) => r.migrationName);
}

/**
 * Whether the database has had exactly the migrations this code knows, read in one statement.
 * Kysely's Migrator takes some ten round trips (its tables, its lock, the list) to find nothing to
 * do, which is every start but the first after an upgrade. Anything else (a new database, a
 * migration missing, one this code does not know) goes through the Migrator and its checks.
 */
async function isUpToDate(db: Kysely<Tables>): Promise<boolean> {
  let done: string[];
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    done = rows.map((r) => r.name);
  } catch (e) {
    if ((e as { code?: unknown }).code === "42P01") return false; // no migration table yet: a new database
    throw e;
  }
  const known = Object.keys(migrations);
  return done.length === known.length && known.every((name) => done.includes(name));
}
