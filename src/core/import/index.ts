export type {
  DraftEquipment,
  DraftExercise,
  DraftGlossaryTerm,
  DraftPhase,
  DraftProgression,
  DraftRest,
  DraftSides,
  Found,
  ImportDraft,
  ImportWarning,
  Span,
  Unparsed,
} from "./draft.ts";
export { importRoutine, MAX_INPUT_CHARS } from "./import-routine.ts";
export { DEFAULT_HOLD_SECONDS, DEFAULT_REP_SECONDS, draftToProgram, slugify, type ProgramFromDraft } from "./to-program.ts";
export { SECONDS_PER_BREATH, SECONDS_PER_COUNT } from "./quantities.ts";
