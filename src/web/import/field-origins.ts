import type { Found, ImportDraft, Span } from "../../core/import/draft.ts";

/**
 * How a form value came about: read from the text with confidence, read but unsure, not in
 * the text at all (Limber's default), or worded by Limber (phase names).
 */
export type OriginKind = "read" | "unsure" | "default" | "named";

export interface FieldOrigin {
  kind: OriginKind;
  /** Where in the source text the value was read; empty for defaults and Limber's wording. */
  spans: Span[];
}

/** Field path (as the schema reports problems, e.g. "exercises[0].reps.min") -> where its value came from. */
export type FieldOrigins = Record<string, FieldOrigin>;

/** Below this the importer's guess deserves a second look (docs/importer.md). */
export const UNSURE_BELOW = 0.7;

function originOf(values: ReadonlyArray<Found<unknown> | null>): FieldOrigin {
  const present = values.filter((v): v is Found<unknown> => v !== null);
  const spans = present.flatMap((v) => (v.span ? [v.span] : []));
  if (spans.length === 0) return { kind: "default", spans };
  const least = Math.min(...present.filter((v) => v.span).map((v) => v.confidence));
  return { kind: least < UNSURE_BELOW ? "unsure" : "read", spans };
}

/**
 * Where each field of the program made from a draft came from. Exercise and phase indexes
 * match the program's, because the draft's order is kept when it becomes a program.
 */
export function fieldOrigins(draft: ImportDraft): FieldOrigins {
  const out: FieldOrigins = {};
  if (draft.title) out.title = originOf([draft.title]);
  draft.exercises.slice(0, 30).forEach((e, i) => {
    const at = `exercises[${i}]`;
    out[`${at}.name`] = originOf([e.name]);
    out[`${at}.position`] = originOf([e.position]);
    if (e.equipment.length > 0) out[`${at}.equipment`] = originOf(e.equipment.flatMap((q) => [q.name, ...q.alternatives]));
    out[`${at}.sides`] = originOf([e.sides]);
    out[`${at}.firstSide`] = originOf([e.firstSide]);
    const reps = originOf([e.reps, e.sets]);
    out[`${at}.reps.min`] = reps;
    out[`${at}.reps.max`] = reps;
    if (e.sets) out[`${at}.sets`] = originOf([e.sets]);
    const grow = e.progression;
    if (grow?.value.addTime) {
      // "Gradually add time" without a target: the cap is Limber's choice, shown against the words that asked for growth.
      out[`${at}.progression.capSeconds`] =
        grow.value.capSeconds !== null ? originOf([grow]) : { kind: "default", spans: grow.span ? [grow.span] : [] };
    }
    e.phases.slice(0, 8).forEach((p, j) => {
      const ph = `${at}.phases[${j}]`;
      out[`${ph}.name`] = p.name.span ? originOf([p.name]) : { kind: "named", spans: [] };
      out[`${ph}.motion`] = originOf([p.motion]);
      const hold = originOf([p.hold, p.breaths]);
      out[`${ph}.holdSeconds.min`] = hold;
      out[`${ph}.holdSeconds.max`] = hold;
    });
  });
  return out;
}
