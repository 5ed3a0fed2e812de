import { draftToProgram, importRoutine, type ImportDraft, type ImportWarning } from "../../core/import/index.ts";
import { parseProgram, type InputProblem, type ParseResult, type Program } from "../../core/program.ts";
import { compileTimeline } from "../../core/timeline.ts";
import { fieldOrigins, type FieldOrigins } from "./field-origins.ts";

export { savedProgramId } from "./saved-program-id.ts";

/**
 * The Import page's heavy half — the importer and the schema — loaded only when the page is
 * opened, so the player and the other pages never download them.
 */
export interface RoutineReading {
  draft: ImportDraft;
  /** The program made from the draft, for the form to edit; null when nothing usable was found. */
  program: Program | null;
  problems: InputProblem[];
  warnings: ImportWarning[];
  origins: FieldOrigins;
}

/** Reads prose into a draft and the program made from it, with where each field came from. */
export function readRoutine(text: string): RoutineReading {
  const draft = importRoutine(text);
  const made = draftToProgram(draft);
  return {
    draft,
    program: made.ok ? made.program : null,
    problems: made.ok ? [] : made.problems,
    warnings: made.warnings,
    origins: fieldOrigins(draft),
  };
}

/** Checks an edited program against the schema; every problem comes with its field path. */
export function checkProgram(edited: unknown): ParseResult<Program> {
  return parseProgram(edited);
}

/** What the first session of a program comes to: how many holds, and how long in all. */
export function sessionLength(program: Program): { holds: number; seconds: number } {
  const t = compileTimeline(program, null);
  return { holds: t.holdCount, seconds: t.totalSeconds };
}
