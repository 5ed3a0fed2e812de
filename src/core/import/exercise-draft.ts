import type { IntRange, Position, Side } from "../program.ts";
import { isNumberedLabel, trimEnd, type BlockFacts } from "./block-facts.ts";
import {
  found,
  type DraftEquipment,
  type DraftExercise,
  type DraftPhase,
  type DraftProgression,
  type DraftRest,
  type Found,
  type ImportWarning,
  type Span,
} from "./draft.ts";
import { findEquipment } from "./equipment.ts";
import { instructionSentences, phaseMotions, splitPhases, type PhaseSplit } from "./phases.ts";
import { findNamePosition, findPosition } from "./position.ts";
import { findTimeGrowth } from "./progression.ts";
import type { Quantity } from "./quantities.ts";
import { EXERCISE_NOUNS, isStepStarter } from "./routine-words.ts";
import type { ExerciseUnit } from "./sections.ts";
import { isCue, isSafety, sentencesOf, within, type SentenceFacts } from "./sentence-facts.ts";
import { readSides } from "./sides.ts";
import { withoutSummaryHolds } from "./summary-holds.ts";
import type { Token } from "./tokens.ts";

/** An exercise read from one unit, plus what it taught about safety and what needs a warning. */
export interface ExerciseReading {
  exercise: DraftExercise;
  safety: Found<string>[];
  warnings: ImportWarning[];
}

const spanOf = (x: { start: number; end: number }): Span => ({ start: x.start, end: x.end });
const sentenceFound = (s: SentenceFacts, confidence = 0.9): Found<string> => found(s.text, spanOf(s), confidence);

const NAME_STOPS = new Set(["each", "per", "for", "hold", "holding", "x", "×", "both", "(", ",", ":", "–", "—", "|", "on"]);

function tidyName(raw: string): string {
  const s = trimEnd(
    raw.replace(/^(exercise|stretch|move|no\.?|#)\s*\d+\s*[:.)\-–—]?\s*/i, "").replace(/\s+/g, " "),
    " \t\n:;,.-–—|",
  ).trim();
  const short = s.length > 80 ? s.slice(0, 80).replace(/\s+\S*$/, "") : s;
  return short.charAt(0).toUpperCase() + short.slice(1);
}

/** The name words at the start of a terse line: "Child's pose 30s" -> "Child's pose". */
function leadName(text: string, tokens: readonly Token[], quantities: readonly Quantity[]): { start: number; end: number } | null {
  const firstQuantity = quantities[0]?.start ?? Infinity;
  let end = -1;
  for (const t of tokens) {
    if (t.start >= firstQuantity) break;
    if (t.kind === "num") break;
    if (end >= 0 && NAME_STOPS.has(t.text) && (t.text !== "-" || text[t.start - 1] === " ")) break;
    if (t.text === "-" && text[t.start - 1] === " ") break;
    end = t.end;
  }
  return end < 0 ? null : { start: tokens[0]!.start, end };
}

/** "this calf stretch" -> "calf stretch": words before an exercise noun, for text without a heading. */
function inferredName(tokens: readonly Token[]): { start: number; end: number } | null {
  for (let i = 0; i < tokens.length; i++) {
    if (!EXERCISE_NOUNS.has(tokens[i]!.text) || tokens[i]!.kind !== "word") continue;
    let from = i;
    while (from > 0 && i - from < 2 && tokens[from - 1]!.kind === "word" && !isStepStarter(tokens[from - 1]!.text)) from--;
    if (from < i) return { start: tokens[from]!.start, end: tokens[i]!.end };
  }
  return null;
}

/** The tokens of a unit's blocks in order; one block's own list when there is one (no copy). */
function bodyTokens(unit: ExerciseUnit): readonly Token[] {
  if (unit.blocks.length === 1) return unit.blocks[0]!.tokens;
  const all: Token[] = [];
  for (const b of unit.blocks) for (const t of b.tokens) all.push(t);
  return all;
}

/** The quantities of a unit's blocks in order; one block's own list when there is one. */
function bodyQuantities(unit: ExerciseUnit): readonly Quantity[] {
  if (unit.blocks.length === 1) return unit.blocks[0]!.quantities;
  const all: Quantity[] = [];
  for (const b of unit.blocks) for (const q of b.quantities) all.push(q);
  return all;
}

function nameOf(
  text: string,
  unit: ExerciseUnit,
  index: number,
  warnings: ImportWarning[],
): { name: Found<string>; bodyFrom: number; nameTokens: Token[] } {
  const first = unit.blocks[0]!;
  if (unit.heading) {
    const h = unit.heading;
    const label = /^(exercise|stretch)\s*\d+\s*[:.)\-–—]\s*$/i.test(h.block.text) ? null : tidyName(h.block.text);
    if (label) return { name: found(label, spanOf(h.block), 0.9), bodyFrom: first.block.start, nameTokens: h.tokens };
  }
  if (first.label && !first.label.field) {
    const numbered = /^(exercise|stretch|move|no\.?|#)?\s*\d+$/i.test(first.label.text) || isNumberedLabel(first.label.text);
    if (!numbered) {
      return {
        name: found(tidyName(first.label.text), spanOf(first.label), 0.9),
        bodyFrom: first.label.bodyStart,
        nameTokens: within(first.tokens, first.label.start, first.label.end),
      };
    }
    const rest = text.slice(first.label.bodyStart, first.block.end);
    const cut = rest.search(/[.!?(]|\s[–—-]\s|,/);
    const nameEnd = first.label.bodyStart + (cut < 0 ? rest.length : cut);
    const name = tidyName(text.slice(first.label.bodyStart, nameEnd));
    if (name !== "")
      return {
        name: found(name, { start: first.label.bodyStart, end: nameEnd }, 0.85),
        bodyFrom: first.label.bodyStart,
        nameTokens: within(first.tokens, first.label.bodyStart, nameEnd),
      };
  }
  const lead =
    first.words <= 15 && first.firstWord !== "" && !isStepStarter(first.firstWord) ? leadName(text, first.tokens, first.quantities) : null;
  if (lead)
    return {
      name: found(tidyName(text.slice(lead.start, lead.end)), lead, 0.75),
      bodyFrom: first.block.start,
      nameTokens: within(first.tokens, lead.start, lead.end),
    };
  const all = bodyTokens(unit);
  const guess = inferredName(all);
  if (guess) {
    warnings.push({
      message: `No heading names exercise ${index + 1}; called it "${tidyName(text.slice(guess.start, guess.end))}" from its text.`,
      span: guess,
    });
    return {
      name: found(tidyName(text.slice(guess.start, guess.end)), guess, 0.5),
      bodyFrom: first.block.start,
      nameTokens: within(all, guess.start, guess.end),
    };
  }
  const fallback = `Exercise ${index + 1}`;
  warnings.push({ message: `No name found for exercise ${index + 1}; called it "${fallback}".`, span: spanOf(first.block) });
  return { name: found(fallback, null, 0.3), bodyFrom: first.block.start, nameTokens: [] };
}

const range = (q: Quantity): IntRange => ({ min: q.range.min, max: q.range.max });
const quote = (text: string, q: { start: number; end: number }) => `"${text.slice(q.start, q.end)}"`;

function phaseName(
  motion: DraftPhase["motion"]["value"],
  instructions: readonly SentenceFacts[],
  exerciseName: string,
  count: number,
  index: number,
): string {
  const byMotion: Record<string, string> = {
    eversion: "Turn the sole outward",
    inversion: "Turn the sole inward",
    dorsiflexion: "Draw the foot up",
    "plantar-flexion": "Point the foot down",
  };
  if (motion) return byMotion[motion]!;
  if (count === 1) return exerciseName;
  const words = (instructions[0]?.text ?? "")
    .split(/[,.;!?]/)[0]!
    .trim()
    .split(/\s+/)
    .slice(0, 6)
    .join(" ");
  return words.length >= 3 ? tidyName(words) : `${exerciseName}, part ${index + 1}`;
}

/** The tokens a phase's motion is read from: its sentences, and its hold sentence when that stands apart. */
function phaseTokens(p: PhaseSplit): Token[] {
  const out: Token[] = [];
  for (const s of p.sentences) for (const t of s.tokens) out.push(t);
  if (p.holdSentence && p.sentences[p.sentences.length - 1] !== p.holdSentence) for (const t of p.holdSentence.tokens) out.push(t);
  return out;
}

/** Reads one exercise: name, position, equipment, sides, phases with holds, repetitions and progression. */
export function readExercise(
  text: string,
  unit: ExerciseUnit,
  index: number,
  previousPosition: Found<Position> | null = null,
): ExerciseReading {
  const warnings: ImportWarning[] = [];
  const { name, bodyFrom, nameTokens } = nameOf(text, unit, index, warnings);
  const sentences: SentenceFacts[] = [];
  unit.blocks.forEach((b, i) => {
    for (const s of sentencesOf(text, b, i === 0 ? Math.max(bodyFrom, b.block.start) : b.block.start)) sentences.push(s);
  });
  const body = bodyTokens(unit);
  const allTokens: readonly Token[] = unit.heading ? [...unit.heading.tokens, ...body] : body;
  const quantities = bodyQuantities(unit);
  const safety: Found<string>[] = [];
  const cues: SentenceFacts[] = [];
  const usable: SentenceFacts[] = [];
  for (const s of sentences) {
    if (isSafety(s)) safety.push(sentenceFound(s, 0.7));
    else if (isCue(s)) cues.push(s);
    else usable.push(s);
  }
  const split = splitPhases(withoutSummaryHolds(unit, usable));

  const motions = phaseMotions(nameTokens, split.phases.map(phaseTokens));
  const phases: DraftPhase[] = split.phases.map((p, i) => {
    const instructions = instructionSentences(p);
    const m = motions[i] ?? null;
    const motion = found(m?.motion ?? null, m ? { start: m.start, end: m.end } : null, m?.confidence ?? 0.5);
    let hold: Found<IntRange> | null = null;
    if (p.hold) {
      hold = found(p.hold.seconds ?? range(p.hold), spanOf(p.hold), p.hold.confidence);
      if (p.hold.note) warnings.push({ message: `${name.value}: ${p.hold.note}.`, span: spanOf(p.hold) });
    }
    return {
      name: found(phaseName(motion.value, instructions, name.value, split.phases.length, i), null, 0.6),
      motion,
      hold,
      breaths: p.breaths ? found(range(p.breaths), spanOf(p.breaths), p.breaths.confidence) : null,
      instructions: instructions.map((s) => sentenceFound(s)),
    };
  });

  // A count the text gives wins over "repeat" with none ("release and repeat. Do this 8 to 10 times").
  const repsQ = quantities.find((q) => q.kind === "reps" && !q.implied) ?? quantities.find((q) => q.kind === "reps");
  const setsQ = quantities.find((q) => q.kind === "sets");
  const restQ = quantities.find((q) => q.kind === "rest");
  const otherReps = quantities.filter(
    (q) => q.kind === "reps" && repsQ && (q.range.min !== repsQ.range.min || q.range.max !== repsQ.range.max),
  );
  if (otherReps[0])
    warnings.push({
      message: `${name.value}: repetitions given more than once; used ${quote(text, repsQ!)}, not ${quote(text, otherReps[0])}.`,
      span: spanOf(otherReps[0]),
    });
  for (const q of quantities.filter((x) => x.kind === "other")) {
    warnings.push({
      message: `${name.value}: ${quote(text, q)} reads as how often or how long overall, not a hold or repetition; not used.`,
      span: spanOf(q),
    });
  }
  // "2–3 sets × 20–40 s": sets of a hold with no repetitions are repetitions of the hold.
  const setsOfHold = !repsQ && setsQ !== undefined && setsQ !== null && phases.some((p) => p.hold !== null);
  const reps = repsQ
    ? found(range(repsQ), spanOf(repsQ), repsQ.confidence)
    : setsOfHold
      ? found(range(setsQ!), spanOf(setsQ!), 0.75)
      : found({ min: 1, max: 1 }, null, 0.5);
  const sets = setsQ && !setsOfHold ? found(range(setsQ), spanOf(setsQ), setsQ.confidence) : null;
  let rest: Found<DraftRest> | null = null;
  if (restQ) {
    const around = text.slice(restQ.start, Math.min(text.length, restQ.end + 40)).toLowerCase();
    const between = /between (sets|rounds)/.test(around)
      ? "sets"
      : /between (reps|repetitions|holds|each|stretches? on)/.test(around)
        ? "holds"
        : "exercises";
    rest = found({ seconds: restQ.range.max, between }, spanOf(restQ), restQ.confidence);
  }

  let progression: Found<DraftProgression> | null = null;
  const target = quantities.find((q) => q.kind === "target");
  const step = quantities.find((q) => q.kind === "step");
  let growth: Span | null = null;
  for (const s of sentences) if ((growth = findTimeGrowth(s.tokens))) break;
  if (growth || target) {
    const at = growth ?? spanOf(target!);
    progression = found(
      { addTime: true, stepSeconds: step?.range.max ?? null, capSeconds: target?.range.max ?? null },
      at,
      growth ? 0.8 : 0.7,
    );
  }

  const sidesRead = readSides(allTokens);
  const sides = found(sidesRead.sides, sidesRead.sidesAt, sidesRead.sidesConfidence);
  const firstSide = found<Side | null>(
    sidesRead.sides === "none" ? null : sidesRead.firstSide,
    sidesRead.firstSideAt,
    sidesRead.firstSideConfidence,
  );
  if (sidesRead.sides === "both" && !sidesRead.firstSideAt)
    warnings.push({
      message: `${name.value}: done on each side, but the text does not say which first; starting with the left.`,
      span: sidesRead.sidesAt,
    });
  if (sidesRead.sides === "both" && sidesRead.sidesConfidence < 0.7)
    warnings.push({
      message: `${name.value}: the text names one side; assumed it is then done on the other side too.`,
      span: sidesRead.sidesAt,
    });

  // The position is read from the name, the setup and the holds; sentences after the last hold
  // ("roll onto your side and push up to sitting") describe getting out of it.
  let heldAt: ReturnType<typeof findPosition> = null;
  for (const s of split.setup) if ((heldAt ??= findPosition(s.tokens))) break;
  for (const p of split.phases) {
    for (const s of p.sentences) if ((heldAt ??= findPosition(s.tokens))) break;
    if (p.holdSentence) heldAt ??= findPosition(p.holdSentence.tokens);
    if (heldAt) break;
  }
  const positionAt = findNamePosition(nameTokens) ?? heldAt ?? (unit.continues && previousPosition ? null : findPosition(allTokens));
  const inherited = !positionAt && unit.continues && previousPosition ? previousPosition : null;
  const position = positionAt
    ? found(positionAt.value, spanOf(positionAt), 0.85)
    : inherited
      ? { ...inherited, confidence: 0.5 }
      : found("other" as const, null, 0.3);
  const positionSentence = positionAt ? sentences.find((s) => s.start <= positionAt.start && positionAt.end <= s.end) : undefined;
  const positionDetail = positionSentence ? found(positionSentence.text, spanOf(positionSentence), 0.7) : null;
  if (!positionAt && !inherited)
    warnings.push({ message: `${name.value}: no body position (sitting, standing, kneeling, lying) found.`, span: name.span });

  const equipment: DraftEquipment[] = findEquipment(allTokens).map((e) => ({
    name: found(text.slice(e.start, e.end).toLowerCase(), spanOf(e), 0.85),
    kind: e.kind,
    alternatives: e.alternatives.map((a) => found(text.slice(a.start, a.end).toLowerCase(), spanOf(a), 0.8)),
    optional: e.optional,
  }));

  if (phases.every((p) => p.hold === null)) {
    warnings.push({ message: `${name.value}: no hold time found.`, span: name.span });
  }
  const first = unit.blocks[0]!.block;
  const last = unit.blocks[unit.blocks.length - 1]!.block;
  return {
    exercise: {
      span: { start: unit.heading?.block.start ?? first.start, end: last.end },
      name,
      position,
      positionDetail,
      equipment,
      sides,
      firstSide,
      reps,
      sets,
      rest,
      progression,
      setup: split.setup.map((s) => sentenceFound(s)),
      phases,
      cues: cues.map((s) => sentenceFound(s, 0.8)),
    },
    safety,
    warnings,
  };
}
