import type { IntRange, Motion, Position, Side } from "../program.ts";

/** Half-open character offsets [start, end) into the text the user gave the importer. */
export interface Span {
  start: number;
  end: number;
}

/**
 * One value the importer read, where it read it, and how sure it is (0–1). `span` is null
 * when the value is a default the importer chose because the text said nothing.
 */
export interface Found<T> {
  value: T;
  span: Span | null;
  confidence: number;
}

/** A Found value: what was read, where (null for a default), and how sure. */
export function found<T>(value: T, span: Span | null, confidence: number): Found<T> {
  return { value, span, confidence };
}

export interface DraftEquipment {
  /** The words as written, e.g. "stretch strap". */
  name: Found<string>;
  /** A canonical kind for comparison, e.g. "strap". */
  kind: string;
  alternatives: Found<string>[];
  optional: boolean;
}

export interface DraftPhase {
  name: Found<string>;
  motion: Found<Motion | null>;
  /** Hold length in seconds, converted from breaths or counts when the text used them. */
  hold: Found<IntRange> | null;
  /** The breath count as written, when the hold was given in breaths. */
  breaths: Found<IntRange> | null;
  instructions: Found<string>[];
}

export interface DraftProgression {
  /** True when the text asks for holds to grow ("gradually add time", "build up to"). */
  addTime: boolean;
  stepSeconds: number | null;
  capSeconds: number | null;
}

/** "both": worked on one side then the other; "none": both feet together; "one": one side only. */
export type DraftSides = "both" | "none" | "one";

export interface DraftRest {
  seconds: number;
  /** Whether the rest sits between holds of the exercise, between its sets, or after the exercise. */
  between: "holds" | "sets" | "exercises";
}

export interface DraftExercise {
  /** The whole stretch of text the exercise was read from. */
  span: Span;
  name: Found<string>;
  position: Found<Position>;
  positionDetail: Found<string> | null;
  equipment: DraftEquipment[];
  sides: Found<DraftSides>;
  firstSide: Found<Side | null>;
  reps: Found<IntRange>;
  sets: Found<IntRange> | null;
  rest: Found<DraftRest> | null;
  progression: Found<DraftProgression> | null;
  setup: Found<string>[];
  phases: DraftPhase[];
  cues: Found<string>[];
}

export interface DraftGlossaryTerm {
  term: Found<string>;
  motion: Motion | null;
  meaning: Found<string>;
  weight: Found<string> | null;
}

/** Text the importer saw but did not use, with the reason, so nothing is silently dropped. */
export interface Unparsed {
  span: Span;
  text: string;
  reason: string;
}

export interface ImportWarning {
  message: string;
  span: Span | null;
}

/** Everything the importer read from a routine written in prose, ready for an editor. */
export interface ImportDraft {
  title: Found<string> | null;
  about: Found<string>[];
  exercises: DraftExercise[];
  glossary: DraftGlossaryTerm[];
  safety: Found<string>[];
  unparsed: Unparsed[];
  warnings: ImportWarning[];
  /**
   * True when the reading of the text's structure is in doubt (timed text was left out of every
   * exercise, or one exercise sets up two different positions): movements may be missed or merged.
   */
  doubtfulStructure: boolean;
}
