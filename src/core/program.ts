import { z } from "zod";
import { VersionNumber } from "./bounds.ts";
import { pictureIds } from "./poses/picture.ts";

/** Foot motions the glossary explains and a hold may target. */
export const Motion = z.enum(["inversion", "eversion", "dorsiflexion", "plantar-flexion"]);
export type Motion = z.infer<typeof Motion>;

export const Position = z.enum(["seated", "standing", "kneeling", "lying", "other"]);
export type Position = z.infer<typeof Position>;

export const Side = z.enum(["left", "right"]);
export type Side = z.infer<typeof Side>;

const slug = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected lower-case words joined by hyphens, e.g. calf-stretch");

const text = (max: number) => z.string().trim().min(1).max(max);

/** An inclusive whole-number range such as "10–20 seconds" or "2–3 times". */
export const Range = (unit: string, lowest: number, highest: number) =>
  z
    .object({
      min: z.number().int().min(lowest).max(highest),
      max: z.number().int().min(lowest).max(highest),
    })
    .refine((r) => r.min <= r.max, { message: `min ${unit} must not exceed max`, path: ["max"] });

export const HoldRange = Range("seconds", 1, 600);
export const RepRange = Range("repetitions", 1, 20);
export type IntRange = { min: number; max: number };

export const Equipment = z.object({
  name: text(60),
  alternatives: z.array(text(60)).max(5).default([]),
  optional: z.boolean().default(false),
});
export type Equipment = z.infer<typeof Equipment>;

export const Phase = z.object({
  id: slug,
  name: text(80),
  motion: Motion.nullable(),
  holdSeconds: HoldRange,
  /**
   * How the routine gave the hold: "breaths" makes the voice say "Hold for five breaths", the
   * count being the hold's seconds over the program's `secondsPerBreath`. Timing stays in seconds.
   */
  holdIn: z.enum(["seconds", "breaths"]).optional(),
  instructions: z.array(text(400)).min(1).max(12),
  /** Short lines a voice may say during the hold (breathing, form). */
  cues: z.array(text(160)).max(6).default([]),
  /** A library picture for this phase, or "none"; when absent, one is matched from the motion, position and props. */
  picture: z.enum([...pictureIds, "none"], { message: `expected a picture id (${pictureIds.join(", ")}) or "none"` }).optional(),
});
export type Phase = z.infer<typeof Phase>;

/**
 * How an exercise grows session by session: holds rise by `stepSeconds` toward the top of
 * their range, then repetitions rise by one toward the top of theirs. With `capSeconds` set
 * above the range, holds keep growing past the range's top up to that cap.
 */
export const Progression = z.object({
  stepSeconds: z.number().int().min(1).max(30).default(2),
  capSeconds: z.number().int().min(1).max(600).nullable().default(null),
  addReps: z.boolean().default(true),
});
export type Progression = z.infer<typeof Progression>;

export const Exercise = z
  .object({
    id: slug,
    name: text(80),
    summary: text(300),
    position: Position,
    positionDetail: text(200),
    equipment: z.array(Equipment).max(6).default([]),
    sides: z.enum(["both", "none"]),
    firstSide: Side.nullable(),
    reps: RepRange,
    /** Sets of `reps` on each side ("3 sets of 10"), with `setRestSeconds` of rest between sets; 1 when absent. */
    sets: z.number().int().min(1).max(10).optional(),
    /** Seconds of rest between sets on a side; 30 when absent. */
    setRestSeconds: z.number().int().min(0).max(300).optional(),
    /** Steps to get into the start position, said before the first hold. */
    setup: z.array(text(400)).min(1).max(12),
    phases: z.array(Phase).min(1).max(8),
    /** Seconds to get into position before the first hold of each side. */
    setupSeconds: z.number().int().min(0).max(120).default(10),
    /** Seconds to come back to the start position between holds. */
    releaseSeconds: z.number().int().min(0).max(60).default(3),
    /** Seconds of rest after the last hold of the exercise. */
    restSeconds: z.number().int().min(0).max(300).default(10),
    cues: z.array(text(160)).max(6).default([]),
    progression: Progression.default({ stepSeconds: 2, capSeconds: null, addReps: true }),
  })
  .superRefine((ex, ctx) => {
    if (ex.sides === "both" && ex.firstSide === null)
      ctx.addIssue({ code: "custom", path: ["firstSide"], message: "an exercise done on both sides needs a first side: left or right" });
    if (ex.sides === "none" && ex.firstSide !== null)
      ctx.addIssue({ code: "custom", path: ["firstSide"], message: "an exercise without sides must have firstSide null" });
    const ids = new Set<string>();
    ex.phases.forEach((p, i) => {
      if (ids.has(p.id)) ctx.addIssue({ code: "custom", path: ["phases", i, "id"], message: `duplicate phase id "${p.id}"` });
      ids.add(p.id);
      const cap = ex.progression.capSeconds;
      if (cap !== null && cap < p.holdSeconds.max)
        ctx.addIssue({
          code: "custom",
          path: ["progression", "capSeconds"],
          message: `cap ${cap} s is below phase "${p.id}" top of ${p.holdSeconds.max} s`,
        });
    });
  });
export type Exercise = z.infer<typeof Exercise>;

export const GlossaryTerm = z.object({
  term: text(60),
  motion: Motion.nullable(),
  meaning: text(400),
  /** What the motion tends to mean for where body weight falls on the foot. */
  weight: text(400).nullable().default(null),
});
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;

export const Program = z
  .object({
    id: slug,
    version: VersionNumber.default(1),
    title: text(120),
    summary: text(600),
    /** Why the routine helps, in a few short paragraphs. */
    about: z.array(text(800)).max(10).default([]),
    /** Seconds one breath takes, for holds given in breaths; 6 when absent. */
    secondsPerBreath: z.number().int().min(2).max(15).optional(),
    exercises: z.array(Exercise).min(1).max(30),
    glossary: z.array(GlossaryTerm).max(30).default([]),
    safety: z.array(text(400)).max(12).default([]),
    source: z
      .object({ title: text(200), author: text(120).nullable(), note: text(300).nullable() })
      .nullable()
      .default(null),
  })
  .superRefine((p, ctx) => {
    const ids = new Set<string>();
    p.exercises.forEach((e, i) => {
      if (ids.has(e.id)) ctx.addIssue({ code: "custom", path: ["exercises", i, "id"], message: `duplicate exercise id "${e.id}"` });
      ids.add(e.id);
    });
  });
export type Program = z.infer<typeof Program>;

export { DEFAULT_SECONDS_PER_BREATH, DEFAULT_SET_REST_SECONDS } from "./program-defaults.ts";
export type ProgramInput = z.input<typeof Program>;

/** One problem found in untrusted input: where it is and what was expected. */
export interface InputProblem {
  path: string;
  message: string;
}

/** Formats a zod path like ["exercises", 2, "reps", "min"] as "exercises[2].reps.min". */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(root)" : out;
}

export function problemsOf(error: z.ZodError): InputProblem[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

/** Validates untrusted program data, answering with every problem's path on failure. */
export function parseProgram(data: unknown): ParseResult<Program> {
  const r = Program.safeParse(data);
  return r.success ? { ok: true, value: r.data } : { ok: false, problems: problemsOf(r.error) };
}

/** Looks an exercise up by id; the caller asserts it exists. */
export function exerciseById(program: Program, id: string): Exercise | undefined {
  return program.exercises.find((e) => e.id === id);
}
