import type { Migration, MigrationProvider } from "kysely";
import * as initial from "./0001-initial.ts";

/**
 * Every schema change, in order. Names sort as versions; a released migration is never
 * edited, only followed by a new one.
 */
export const migrations: Record<string, Migration> = {
  "0001-initial": initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
