import { DEFAULT_SET_REST_SECONDS, Program, problemsOf, type InputProblem, type IntRange, type ProgramInput } from "../program.ts";
import { SECONDS_PER_BREATH } from "./quantities.ts";
import type { DraftExercise, ImportDraft, ImportWarning } from "./draft.ts";
import { count, plural } from "../words.ts";

export type ProgramFromDraft =
  { ok: true; program: Program; warnings: ImportWarning[] } | { ok: false; problems: InputProblem[]; warnings: ImportWarning[] };

/** Hold used when the text gives repetitions but no hold: one slow movement. */
export const DEFAULT_REP_SECONDS = 3;
/** Hold used when the text gives neither a hold nor repetitions. */
export const DEFAULT_HOLD_SECONDS = 30;

const LIMITS = { hold: [1, 600], reps: [1, 20] } as const;

/** Lower-case words joined by hyphens, as program and exercise ids must be. */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug === "" ? fallback : slug;
}

function unique(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Cuts text to a length at a word boundary, so schema limits never reject imported prose. */
function fit(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1).replace(/\s+\S*$/, "");
  return `${cut === "" ? clean.slice(0, max - 1) : cut}…`;
}

const rangeText = (r: IntRange) => (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`);

function clampRange(r: IntRange, [lo, hi]: readonly [number, number], what: string, name: string, warnings: ImportWarning[]): IntRange {
  const min = Math.min(hi, Math.max(lo, Math.round(r.min)));
  const max = Math.min(hi, Math.max(min, Math.round(r.max)));
  if (min !== r.min || max !== r.max)
    warnings.push({
      message: `${name}: ${what} ${rangeText(r)} is outside what Limber allows (${lo}–${hi}); set to ${rangeText({ min, max })}.`,
      span: null,
    });
  return { min, max };
}

/** `fit`, with a fallback when nothing printable is left. */
const fitOr = (text: string, max: number, fallback: string) => fit(text, max) || fit(fallback, max);

const nonEmpty = (lines: string[], fallback: string, max: number, count: number) => {
  const kept = lines
    .map((l) => fit(l, max))
    .filter((l) => l !== "")
    .slice(0, count);
  return kept.length > 0 ? kept : [fit(fallback, max)];
};

function exerciseInput(e: DraftExercise, taken: Set<string>, warnings: ImportWarning[]): ProgramInput["exercises"][number] {
  const name = fitOr(e.name.value, 80, "Imported exercise");
  const hasReps = e.reps.span !== null;
  let reps = e.reps.value;
  let sets: number | undefined;
  if (e.sets && e.sets.value.max > 1) {
    sets = Math.min(10, e.sets.value.min);
    if (e.sets.value.min !== e.sets.value.max || e.sets.value.min > 10)
      warnings.push({
        message: `${name}: ${rangeText(e.sets.value)} sets read as ${sets}; change it if the routine means otherwise.`,
        span: e.sets.span,
      });
  }
  reps = clampRange(reps, LIMITS.reps, "repetitions", name, warnings);
  const phaseIds = new Set<string>();
  const allPhases = e.phases.slice(0, 8);
  if (e.phases.length > 8) warnings.push({ message: `${name}: ${e.phases.length} holds found; only the first 8 kept.`, span: e.span });
  const phases = allPhases.map((p, i) => {
    let hold = p.hold?.value;
    if (!hold) {
      const seconds = hasReps ? DEFAULT_REP_SECONDS : DEFAULT_HOLD_SECONDS;
      hold = { min: seconds, max: seconds };
      warnings.push({
        message: `${name}: no hold time given; each hold set to ${seconds} s. Change it if the routine means otherwise.`,
        span: e.name.span,
      });
    }
    const base = p.motion.value ?? (allPhases.length === 1 ? "hold" : `part-${i + 1}`);
    return {
      id: unique(slugify(base, `part-${i + 1}`), phaseIds),
      name: fitOr(p.name.value, 80, `${name}, part ${i + 1}`),
      motion: p.motion.value,
      holdSeconds: clampRange(hold, LIMITS.hold, "hold seconds", name, warnings),
      ...(p.breaths ? { holdIn: "breaths" as const } : {}),
      instructions: nonEmpty(
        p.instructions.map((s) => s.value),
        name,
        400,
        12,
      ),
      cues: [],
    };
  });
  const topHold = Math.max(...phases.map((p) => p.holdSeconds.max));
  let progression: ProgramInput["exercises"][number]["progression"] = { stepSeconds: 2, capSeconds: null, addReps: true };
  const grow = e.progression?.value;
  if (grow?.addTime) {
    const explicitCap = grow.capSeconds !== null && grow.capSeconds > topHold ? grow.capSeconds : null;
    const capSeconds = Math.min(600, explicitCap ?? topHold * 2);
    const stepSeconds = Math.min(30, Math.max(1, grow.stepSeconds ?? (topHold >= 60 ? 5 : 2)));
    progression = { stepSeconds, capSeconds: Math.max(capSeconds, topHold), addReps: reps.min !== reps.max };
    if (explicitCap === null)
      warnings.push({
        message: `${name}: the text asks for longer holds over time without a limit; capped at ${progression.capSeconds} s (twice the longest hold).`,
        span: e.progression!.span,
      });
  }
  const sides = e.sides.value === "both" ? "both" : "none";
  if (e.sides.value === "one")
    warnings.push({
      message: `${name}: the text asks for ${e.firstSide.span !== null && e.firstSide.value ? e.firstSide.value : "one"} side only; Limber plays it once, without switching sides.`,
      span: e.sides.span,
    });
  const rest = e.rest?.value;
  const equipment = e.equipment.slice(0, 6).map((q) => ({
    name: fit(q.name.value, 60),
    alternatives: q.alternatives
      .slice(0, 5)
      .map((a) => fit(a.value, 60))
      .filter((a) => a !== ""),
    optional: q.optional,
  }));
  const summaryHolds = phases
    .map((p) => (p.holdSeconds.min === p.holdSeconds.max ? `${p.holdSeconds.min}` : `${p.holdSeconds.min}–${p.holdSeconds.max}`))
    .join(" then ");
  const repsText = reps.min === reps.max ? `${reps.min}` : `${reps.min}–${reps.max}`;
  const sidesText = sides === "both" ? `each side, ${e.firstSide.value ?? "left"} first` : "both sides together";
  return {
    id: unique(slugify(name, "exercise"), taken),
    name,
    summary: fit(
      `${e.position.value === "other" ? "Imported" : e.position.value.charAt(0).toUpperCase() + e.position.value.slice(1)} exercise: hold ${summaryHolds} s, ${repsText} ${plural(reps.max, "time")}, ${sidesText}.`,
      300,
    ),
    position: e.position.value,
    positionDetail: fit(e.positionDetail?.value ?? `Position as described for ${name}.`, 200),
    equipment,
    sides: sides as "both" | "none",
    firstSide: sides === "both" ? (e.firstSide.value ?? "left") : null,
    reps,
    setup: nonEmpty(
      e.setup.map((s) => s.value),
      `Get into position for ${name}.`,
      400,
      12,
    ),
    phases,
    ...(sets
      ? { sets, setRestSeconds: rest && rest.between !== "exercises" ? Math.min(300, rest.seconds) : DEFAULT_SET_REST_SECONDS }
      : {}),
    restSeconds: rest && rest.between === "exercises" ? Math.min(300, rest.seconds) : 10,
    releaseSeconds: rest && rest.between !== "exercises" && !sets ? Math.min(60, rest.seconds) : 3,
    cues: e.cues
      .slice(0, 6)
      .map((c) => fit(c.value, 160))
      .filter((c) => c !== ""),
    progression,
  };
}

/**
 * Turns a draft into a Program the schema accepts, filling what the text left out with
 * stated defaults (each reported as a warning). An empty draft answers the reasons instead.
 */
export function draftToProgram(draft: ImportDraft): ProgramFromDraft {
  const warnings: ImportWarning[] = [...draft.warnings];
  if (draft.exercises.length === 0) {
    return { ok: false, problems: [{ path: "exercises", message: "no exercises were found in the text" }], warnings };
  }
  const taken = new Set<string>();
  const exercises = draft.exercises.slice(0, 30).map((e) => exerciseInput(e, taken, warnings));
  if (draft.exercises.length > 30)
    warnings.push({ message: `${draft.exercises.length} exercises found; only the first 30 kept.`, span: null });
  const title = fitOr(draft.title?.value ?? "", 120, "Imported routine");
  const input: ProgramInput = {
    id: slugify(title, "imported-routine"),
    version: 1,
    title,
    summary: fitOr(draft.about[0]?.value ?? "", 600, `An imported routine of ${count(exercises.length, "exercise")}.`),
    about: draft.about
      .slice(0, 10)
      .map((a) => fit(a.value, 800))
      .filter((a) => a !== ""),
    ...(draft.exercises.some((e) => e.phases.some((p) => p.breaths !== null)) ? { secondsPerBreath: SECONDS_PER_BREATH } : {}),
    exercises,
    glossary: draft.glossary.slice(0, 30).map((g) => ({
      term: fitOr(g.term.value, 60, "Term"),
      motion: g.motion,
      meaning: fitOr(g.meaning.value, 400, g.term.value),
      weight: g.weight && fit(g.weight.value, 400) !== "" ? fit(g.weight.value, 400) : null,
    })),
    safety: draft.safety
      .slice(0, 12)
      .map((s) => fit(s.value, 400))
      .filter((s) => s !== ""),
    source: {
      title: fitOr(draft.title?.value ?? "", 200, "Imported text"),
      author: null,
      note: "Imported from text; check every value before use.",
    },
  };
  const parsed = Program.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error), warnings };
  return { ok: true, program: parsed.data, warnings };
}
