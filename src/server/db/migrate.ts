import { Migrator, type Kysely } from "kysely";
import { migrationProvider } from "./migrations/index.ts";
import type { Tables } from "./tables.ts";

/** Brings the schema up to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Tables>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const name = failed ? ` "${failed.migrationName}"` : "";
    throw new Error(`database migration${name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).map((r) => r.migrationName);
}
