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
 * device, else today's program: an unknown or removed id, or a device store that cannot be
 * opened, must still give a session.
 */
export async function programToPlay(id: string | null): Promise<Program> {
  if (!id || id === todaysProgram.id) return todaysProgram;
  const builtIn = programById(id);
  if (builtIn) return builtIn;
  try {
    return (await openSavedPrograms().get(id))?.program ?? todaysProgram;
  } catch (error) {
    console.warn("Saved programs cannot be read; playing today's program:", error);
    return todaysProgram;
  }
}
