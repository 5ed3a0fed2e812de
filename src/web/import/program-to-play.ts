import type { Program } from "../../core/program.ts";
import { programById, todaysProgram } from "../programs.ts";
import { openSavedPrograms } from "./saved-programs.ts";

/** The program a player link names: "#/play?program=my-routine" -> "my-routine"; null when none. */
export function programIdInHash(hash: string): string | null {
  const query = hash.split("?")[1];
  return query ? new URLSearchParams(query).get("program") : null;
}

/**
 * The program the player runs for an id: a built-in one, else one the user saved on this
 * device, else today's program (an unknown or removed id must still give a session).
 */
export async function programToPlay(id: string | null): Promise<Program> {
  if (!id || id === todaysProgram.id) return todaysProgram;
  return programById(id) ?? (await openSavedPrograms().get(id))?.program ?? todaysProgram;
}
