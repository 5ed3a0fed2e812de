import type { Program } from "../core/program.ts";
import validated from "virtual:limber-programs";

/** The built-in programs, validated against the core schema when the app was built. */
export const programs: readonly Program[] = validated;

/** The program the home page offers today. */
export const todaysProgram: Program = programs[0]!;

export function programById(id: string): Program | undefined {
  return programs.find((p) => p.id === id);
}
