import type { Program } from "../core/program.ts";
import type { ServerDeps } from "./context.ts";
import { findProgram } from "./store/programs.ts";

/**
 * The program a request means: a built-in one straight from memory (they are seeded from the
 * same content at start-up and never change while running), otherwise the organisation's own
 * from the database. Saves a database round trip on every session log.
 */
export async function programFor(deps: ServerDeps, id: string, organisationId: string | null): Promise<Program | undefined> {
  return deps.builtInPrograms.find((p) => p.id === id) ?? (await findProgram(deps.db, id, organisationId));
}
