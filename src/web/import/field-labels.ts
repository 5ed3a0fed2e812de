import type { Program } from "../../core/program.ts";
import { pathKeys } from "./field-path.ts";

/** The label of each kind of field on the Import form, by the last part of its path. */
export const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  name: "Name",
  position: "Position",
  equipment: "Equipment",
  sides: "Sides",
  firstSide: "Start with",
  "reps.min": "Fewest repetitions",
  "reps.max": "Most repetitions",
  "progression.capSeconds": "Holds may grow to (seconds)",
  sets: "Sets on each side",
  motion: "Foot motion",
  "holdSeconds.min": "Shortest hold (seconds)",
  "holdSeconds.max": "Longest hold (seconds)",
};

function labelOf(keys: (string | number)[]): string {
  const two = keys.slice(-2).join(".");
  return (FIELD_LABELS[two] ?? FIELD_LABELS[String(keys[keys.length - 1])] ?? String(keys[keys.length - 1])).toLowerCase();
}

/**
 * A field described so it makes sense out of the form, e.g. "Calf stretch, Draw the foot up:
 * shortest hold (seconds)" — what a highlight in the source text says it was used for.
 */
export function fieldDescription(path: string, program: Pick<Program, "exercises">): string {
  const keys = pathKeys(path);
  if (keys[0] !== "exercises" || typeof keys[1] !== "number") return `program ${labelOf(keys)}`;
  const ex = program.exercises[keys[1]];
  const exName = ex?.name?.trim() || `Exercise ${keys[1] + 1}`;
  if (keys[2] === "phases" && typeof keys[3] === "number") {
    const ph = ex?.phases[keys[3]];
    const phName = ph?.name?.trim() || `part ${keys[3] + 1}`;
    return `${exName}, ${phName}: ${labelOf(keys.slice(4))}`;
  }
  return `${exName}: ${labelOf(keys.slice(2))}`;
}
