import {
  found,
  type DraftExercise,
  type DraftGlossaryTerm,
  type Found,
  type ImportDraft,
  type ImportWarning,
  type Span,
  type Unparsed,
} from "./draft.ts";
import { readBlockFacts, type BlockFacts } from "./block-facts.ts";
import { readBlocks } from "./blocks.ts";
import { calibrateDraft } from "./calibration.ts";
import { readExercise } from "./exercise-draft.ts";
import { findDefinitions } from "./glossary.ts";
import { findNamePosition, findPosition } from "./position.ts";
import { MAX_QUANTITIES } from "./quantities.ts";
import { splitMovements } from "./movement-starts.ts";
import { layOut } from "./sections.ts";
import { isSafety, sentencesOf } from "./sentence-facts.ts";
import { inputSpan, stripMarkup, type PlainText } from "./strip-markup.ts";

/** The most text the importer reads; longer input is cut here, with a warning. */
export const MAX_INPUT_CHARS = 1_000_000;

function emptyDraft(reason: string): ImportDraft {
  return {
    title: null,
    about: [],
    exercises: [],
    glossary: [],
    safety: [],
    unparsed: [],
    warnings: [{ message: reason, span: null }],
    doubtfulStructure: false,
  };
}

/**
 * Maps every span in a freshly built draft from plain-text offsets to offsets in the user's
 * input, in place: the draft is still private to importRoutine, and copying it would double
 * the work on large input.
 */
function toInputSpans(draft: ImportDraft, plain: PlainText): ImportDraft {
  const map = (s: Span | null): Span | null => (s === null ? null : inputSpan(plain, s.start, s.end));
  const f = <T>(x: Found<T> | null): void => {
    if (x !== null) x.span = map(x.span);
  };
  f(draft.title);
  draft.about.forEach(f);
  for (const e of draft.exercises) {
    e.span = map(e.span)!;
    [e.name, e.position, e.positionDetail, e.sides, e.firstSide, e.reps, e.sets, e.rest, e.progression].forEach((x) =>
      f(x as Found<unknown> | null),
    );
    for (const q of e.equipment) {
      f(q.name);
      q.alternatives.forEach(f);
    }
    e.setup.forEach(f);
    e.cues.forEach(f);
    for (const p of e.phases) {
      [p.name, p.motion, p.hold, p.breaths].forEach((x) => f(x as Found<unknown> | null));
      p.instructions.forEach(f);
    }
  }
  for (const g of draft.glossary) [g.term, g.meaning, g.weight].forEach((x) => f(x));
  draft.safety.forEach(f);
  for (const u of draft.unparsed) u.span = map(u.span)!;
  for (const w of draft.warnings) w.span = map(w.span);
  return draft;
}

/** Words without which no sentence reads as a safety line; blocks lacking all of them are not split. */
const SAFETY_HINTS = new Set([
  "doctor",
  "physician",
  "physio",
  "physiotherapist",
  "therapist",
  "consult",
  "dizzy",
  "numbness",
  "tingling",
  "pregnant",
  "surgery",
  "injury",
  "stop",
  "pain",
  "hurt",
  "never",
  "bounce",
  "shouldn't",
]);

const REASONS = {
  title: "",
  heading: "a heading over other text; not an exercise name",
  intro: "",
  trailing: "not part of any exercise",
} as const;

/**
 * "Hold each stretch for 15 seconds and repeat 4 times": the hold and repetitions a setting
 * gives go to every exercise that states none of its own, at lower confidence, with a warning.
 */
function applySettings(settings: readonly BlockFacts[], exercises: DraftExercise[], warnings: ImportWarning[]): void {
  const all = settings.flatMap((f) => f.quantities);
  const hold = all.find((q) => q.kind === "hold" || q.kind === "breaths");
  const reps = all.find((q) => q.kind === "reps");
  const sets = all.find((q) => q.kind === "sets");
  if (!hold && !reps && !sets) return;
  let used = false;
  for (const e of exercises) {
    const first = e.phases[0];
    // A hold for every stretch does not go to a strengthening set ("3 sets of 12 heel raises").
    const strengthening = e.sets !== null || (e.reps.span !== null && e.reps.value.min >= 8);
    if (hold && first && !strengthening && e.phases.every((p) => p.hold === null)) {
      first.hold = found(hold.seconds ?? hold.range, { start: hold.start, end: hold.end }, 0.75);
      if (hold.kind === "breaths") first.breaths = found(hold.range, { start: hold.start, end: hold.end }, 0.75);
      used = true;
    }
    if (reps && e.reps.span === null) {
      e.reps = found(reps.range, { start: reps.start, end: reps.end }, 0.7);
      used = true;
    }
    if (sets && e.sets === null) {
      e.sets = found(sets.range, { start: sets.start, end: sets.end }, 0.7);
      used = true;
    }
  }
  if (used) {
    // The hold now comes from the setting: drop the "no hold time found" the exercise reading gave.
    const given = new Set(
      exercises.filter((e) => e.phases.some((p) => p.hold !== null)).map((e) => `${e.name.value}: no hold time found.`),
    );
    let kept = 0;
    for (const w of warnings) if (!given.has(w.message)) warnings[kept++] = w;
    warnings.length = kept;
    const at = hold ?? reps ?? sets!;
    warnings.push({
      message: "A hold or repetitions stated once for every exercise were used for each exercise that gives none.",
      span: { start: at.start, end: at.end },
    });
  }
}

/**
 * Title words that do not tell how every movement is done: a pose the title lists ("lunge",
 * "warrior"), or a desk, at which people stretch sitting or standing ("4 Quick Desk Stretches").
 */
const NOT_EVERY_POSTURE = new Set(["lunge", "lunges", "warrior", "desk"]);

/**
 * "5 seated chair exercises for seniors": a position the routine's title names goes to every
 * exercise that names none of its own, at low confidence, with a warning.
 */
function applyTitlePosition(layout: ReturnType<typeof layOut>, exercises: DraftExercise[], warnings: ImportWarning[]): void {
  const title = layout.others.find((o) => o.role === "title")?.facts;
  const at = title ? findNamePosition(title.tokens) : null;
  // "Sun Salutes, Warrior and Hips", "Desk stretches": not the posture of all the movements.
  if (!at || NOT_EVERY_POSTURE.has(title!.block.text.slice(at.start - title!.block.start, at.end - title!.block.start).toLowerCase()))
    return;
  let used = false;
  for (const e of exercises) {
    if (e.position.span !== null) continue;
    e.position = found(at.value, { start: at.start, end: at.end }, 0.6);
    used = true;
  }
  if (used)
    warnings.push({
      message: `Exercises that name no position were given the title's: ${at.value}.`,
      span: { start: at.start, end: at.end },
    });
}

/**
 * Reads a routine written in prose, markdown or HTML into a draft: exercises with their holds,
 * repetitions, sides, position and equipment, each value with the span it came from and a
 * confidence. Pure and total: any text gives a draft, at worst an empty one with reasons.
 */
export function importRoutine(input: string): ImportDraft {
  return calibrateDraft(readRoutine(input));
}

/** importRoutine before calibration: each confidence is its rule's fixed score (used to calibrate). */
export function readRoutine(input: string): ImportDraft {
  if (typeof input !== "string") return emptyDraft("The input is not text.");
  const warnings: ImportWarning[] = [];
  let source = input;
  if (source.length > MAX_INPUT_CHARS) {
    source = source.slice(0, MAX_INPUT_CHARS);
    warnings.push({
      message: `The text is longer than ${MAX_INPUT_CHARS} characters; only the first ${MAX_INPUT_CHARS} were read.`,
      span: null,
    });
  }
  if (source.trim() === "") return emptyDraft("The text is empty: there is nothing to import.");
  const plain = stripMarkup(source);
  const text = plain.text;
  const facts = splitMovements(text, readBlockFacts(text, readBlocks(text)));
  if (facts.length === 0) return emptyDraft("No readable text was found once markup was removed.");
  const crowded = facts.find((f) => f.quantities.length >= MAX_QUANTITIES);
  if (crowded)
    warnings.push({
      message: `A paragraph holds ${MAX_QUANTITIES} or more times and counts; only the first ${MAX_QUANTITIES} were read.`,
      span: { start: crowded.block.start, end: crowded.block.end },
    });
  const layout = layOut(facts);

  const exercises: DraftExercise[] = [];
  const safety: Found<string>[] = [];
  layout.units.forEach((unit, i) => {
    const reading = readExercise(text, unit, i, exercises[exercises.length - 1]?.position ?? null);
    exercises.push(reading.exercise);
    for (const x of reading.safety) safety.push(x);
    for (const w of reading.warnings) warnings.push(w);
  });

  applySettings(layout.settings, exercises, warnings);
  applyTitlePosition(layout, exercises, warnings);

  let title: Found<string> | null = null;
  const about: Found<string>[] = [];
  const glossary: DraftGlossaryTerm[] = [];
  const unparsed: Unparsed[] = [];
  for (const { facts: f, role } of layout.others) {
    const span = { start: f.block.start, end: f.block.end };
    const blockText = f.block.text.replace(/\s+/g, " ").trim();
    if (role === "title" && title === null) {
      title = found(blockText.replace(/[:.]$/, ""), span, 0.8);
      continue;
    }
    const definitions = findDefinitions(text, f.tokens, f.block.end);
    for (const d of definitions) glossary.push(d);
    const sentences = f.tokens.some((t) => SAFETY_HINTS.has(t.text)) ? sentencesOf(text, f, f.block.start) : [];
    const warns = sentences.filter(isSafety);
    for (const s of warns) safety.push(found(s.text, { start: s.start, end: s.end }, 0.7));
    if (definitions.length > 0 || (warns.length > 0 && warns.length === sentences.length)) continue;
    if ((role === "intro" || role === "title") && f.role === "body") {
      about.push(found(blockText, span, 0.6));
      continue;
    }
    unparsed.push({ span, text: blockText, reason: role === "intro" || role === "title" ? REASONS.heading : REASONS[role] });
  }
  if (exercises.length === 0) {
    warnings.unshift({ message: "No exercises found: no hold times, repetitions or exercise headings were recognised.", span: null });
  }
  // Timed text left out of every exercise, or one exercise whose blocks set up two different
  // positions, suggests movements were missed or merged: every value deserves a closer look.
  const leftTimed = layout.others.some((o) => o.role === "trailing" && o.facts.timed);
  const mixed = layout.units.some(
    (u) => new Set(u.blocks.map((b) => findPosition(b.tokens)?.value).filter((v) => v !== undefined)).size >= 2,
  );
  // Headings (past the title) that do not match the exercises one to one, or a single exercise
  // read from a text that sets up several positions, tell the same.
  const headings = facts.filter((f) => f.role === "heading" && f.index > 0).length;
  const unevenHeadings = headings > 0 && headings !== layout.units.length;
  const positions = new Set(facts.map((f) => findPosition(f.tokens)?.value).filter((v) => v !== undefined)).size;
  const oneOfMany = layout.units.length === 1 && positions >= 2;
  const doubtfulStructure = leftTimed || mixed || unevenHeadings || oneOfMany;
  return toInputSpans({ title, about, exercises, glossary, safety, unparsed, warnings, doubtfulStructure }, plain);
}
