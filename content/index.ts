import { Program } from "../src/core/program.ts";
import footStretches from "./foot-stretches-for-lower-back-pain.json" with { type: "json" };

/** The programs Limber ships with, validated once when first imported. */
export const builtInPrograms: readonly Program[] = [Program.parse(footStretches)];

export const defaultProgramId = "foot-stretches-for-lower-back-pain";

export function builtInProgram(id: string): Program | undefined {
  return builtInPrograms.find((p) => p.id === id);
}
