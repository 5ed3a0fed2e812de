import type { IntRange } from "../program.ts";
import { readAt } from "./quantity-patterns.ts";
import type { Token } from "./tokens.ts";

/**
 * What a number in a routine is about. "hold", "rest", "target" (a length to build up to) and
 * "step" (seconds to add) are in seconds; "breaths", "reps" and "sets" are counts.
 * "other" is a length that is not part of an exercise, such as "twice a day" or "10 minutes in all".
 */
export type QuantityKind = "hold" | "breaths" | "reps" | "sets" | "rest" | "target" | "step" | "other";

export interface Quantity {
  kind: QuantityKind;
  range: IntRange;
  /** Seconds for holds given as breaths or counts; equal to `range` for other holds. */
  seconds: IntRange | null;
  start: number;
  end: number;
  confidence: number;
  /** Why the value needed an assumption, for a warning. */
  note: string | null;
  /** The hold is the same hold again (other side, again), not a new movement. */
  repeatsHold: boolean;
  /** For reps and sets: an index into the token list where the phrase ends, for "3 sets of 10". */
  tokenEnd: number;
  /** Repetitions no number gives ("release and repeat": twice); any counted repetitions come first. */
  implied: boolean;
}

/**
 * The most quantities one run of tokens (a block) yields; the rest of it is not read for times
 * and counts. A real paragraph has a handful; thousands ("x1x1x1…") only cost time and memory.
 */
export const MAX_QUANTITIES = 200;

/** Seconds one slow breath is taken to last when a hold is given in breaths (10 breaths a minute). */
export const SECONDS_PER_BREATH = 6;
/** Seconds one count is taken to last ("hold for a count of 10"). */
export const SECONDS_PER_COUNT = 1;

const CLAUSE_STOPS = new Set([".", "!", "?", ";", ",", ":", "(", ")", "\n", "–", "—"]);
const SENTENCE_STOPS = new Set([".", "!", "?", ";"]);
const PERIOD_WORDS = new Set([
  "day",
  "days",
  "week",
  "weeks",
  "morning",
  "mornings",
  "evening",
  "evenings",
  "night",
  "hour",
  "hours",
  "month",
]);
const REST_WORDS = new Set(["rest", "resting", "pause", "break", "relax", "recover", "recovery", "between"]);
const BUILD_WORDS = new Set([
  "build",
  "work",
  "increase",
  "progress",
  "progressing",
  "extend",
  "lengthen",
  "longer",
  "gradually",
  "eventually",
  "aim",
  "add",
  "adding",
  "goal",
  "working",
  "building",
  "increasing",
]);
const OTHER_WORDS = new Set([
  "walk",
  "walking",
  "march",
  "marching",
  "every",
  "daily",
  "total",
  "takes",
  "take",
  "routine",
  "session",
  "sessions",
  "whole",
  "warm",
  "cycle",
  "bike",
  "workout",
  "program",
  "programme",
  "minutes'",
  "spend",
]);
/** Nouns a length describes when it is the length of a whole routine: "a 5 min morning reset". */
const ROUTINE_NOUNS = new Set([
  "routine",
  "reset",
  "flow",
  "workout",
  "session",
  "sequence",
  "program",
  "programme",
  "plan",
  "series",
  "challenge",
  "stretch-routine",
  "break",
  "warm",
  "warmup",
  "daily",
  "morning",
  "evening",
  "mobility",
  "yoga",
  "class",
]);
/** One-sentence lines up to this many words are terse ("seated twist 30s per side"): a bare length there is a hold. */
const TERSE_WORDS = 12;
/** Words before a length in prose that make it a hold. */
const HOLD_CONTEXT = new Set([
  "with",
  "or",
  "hold",
  "holding",
  "held",
  "stay",
  "staying",
  "keep",
  "remain",
  "for",
  "sustain",
  "maintain",
  "about",
  "approximately",
  "around",
  "roughly",
  "least",
  "up",
  "to",
  "another",
  "between",
  "rest",
  "relax",
  "here",
  "there",
  "breathe",
  "wait",
  "count",
  "lasting",
  "of",
  "after",
]);
/** Words right after a length that make it a hold: "30 seconds each", "20 s hold", "30 s per side". */
const HOLD_AFTER = new Set(["hold", "holds", "each", "per", "on", "x", "×", "stretch", "in", "at"]);
const HOLD_WORDS = new Set(["hold", "holding", "held", "stay", "keep", "remain", "for", "sustain", "maintain"]);

function clauseWords(tokens: readonly Token[], from: number, step: 1 | -1, limit: number): string[] {
  const words: string[] = [];
  for (let k = from; k >= 0 && k < tokens.length && words.length < limit; k += step) {
    const t = tokens[k]!;
    if (CLAUSE_STOPS.has(t.text)) break;
    words.push(t.text);
  }
  return words;
}

/** Whether any of `words` occurs within `limit` tokens before `before` or after `after`, inside the sentence. */
function sentenceHas(tokens: readonly Token[], before: number, after: number, words: ReadonlySet<string>, limit = 30): boolean {
  for (let k = before - 1, n = 0; k >= 0 && n < limit; k--, n++) {
    if (SENTENCE_STOPS.has(tokens[k]!.text)) break;
    if (words.has(tokens[k]!.text)) return true;
  }
  for (let k = after, n = 0; k < tokens.length && n < limit; k++, n++) {
    if (SENTENCE_STOPS.has(tokens[k]!.text)) break;
    if (words.has(tokens[k]!.text)) return true;
  }
  return false;
}

const REPEAT_WORDS = new Set(["other", "opposite", "again", "switch", "swap"]);
const EVERY = new Set(["every"]);

/** "twice a day", "10 reps daily": how often, not how many. */
const PERIOD_OPENERS = new Set(["a", "per", "each", "every"]);
const PERIOD_ADVERBS = new Set(["daily", "weekly", "nightly"]);
const perPeriod = (after: readonly string[]) =>
  (PERIOD_OPENERS.has(after[0] ?? "") && PERIOD_WORDS.has(after[1] ?? "")) || PERIOD_ADVERBS.has(after[0] ?? "");
const NO_WORDS: readonly string[] = [];

const SPREAD_OVER = new Set(["throughout", "during", "over"]);

/**
 * perPeriod on the words of the clause from token `at`, without copying them; also "3 times/day"
 * and "2 to 3 times in a day". With `occasions` (the count was "times", not "repetitions"),
 * "3 times throughout the day" is how often too; "10 repetitions throughout the day" still counts them.
 */
function perPeriodAt(tokens: readonly Token[], at: number, occasions = false): boolean {
  const first = tokens[at];
  if (!first || CLAUSE_STOPS.has(first.text)) return false;
  if (PERIOD_ADVERBS.has(first.text)) return true;
  const second = tokens[at + 1];
  if (second === undefined) return false;
  if (first.text === "/" && PERIOD_WORDS.has(second.text)) return true;
  const third = tokens[at + 2]?.text ?? "";
  if (first.text === "in" && (second.text === "a" || second.text === "one") && PERIOD_WORDS.has(third)) return true;
  if (occasions && SPREAD_OVER.has(first.text) && second.text === "the" && PERIOD_WORDS.has(third)) return true;
  return PERIOD_OPENERS.has(first.text) && !CLAUSE_STOPS.has(second.text) && PERIOD_WORDS.has(second.text);
}

/**
 * "10 minutes throughout the day" is time spread over the day, not a hold; but "10-15
 * repetitions throughout the day" still counts the repetitions, spread out: only lengths take it.
 */
const followedByPeriod = (after: readonly string[]) => perPeriod(after) || (after[0] === "throughout" && after[2] === "day");

const whole = (n: number) => Math.max(1, Math.round(n));

/** "rest here", "relax in this position": resting in the stretch is holding it, not a break. */
const restsInPlace = (before: readonly string[]) =>
  before.some(
    (w, k) =>
      (w === "rest" || w === "relax" || w === "resting" || w === "pause") &&
      ["here", "there", "in", "into", "like", "at"].includes(before[k - 1] ?? ""),
  );

function durationKind(
  before: readonly string[],
  after: readonly string[],
  everyBefore: boolean,
): { kind: QuantityKind; confidence: number } {
  // "Hold for five seconds and relax": after a held length, letting go ends the hold; it is no rest of its own.
  const heldInClause = before.some((w) => w === "hold" || w === "holding" || w === "held");
  if (after.some((w, k) => k < 3 && REST_WORDS.has(w)) && !(heldInClause && (after[0] === "and" || after[0] === "then")))
    return { kind: "rest", confidence: 0.85 };
  if (restsInPlace(before)) return { kind: "hold", confidence: 0.8 };
  if (before.some((w) => REST_WORDS.has(w)) && !before.slice(0, 2).some((w) => w === "hold" || w === "holding"))
    return { kind: "rest", confidence: 0.85 };
  if (before[0] === "add" || before[0] === "adding" || (before[0] === "by" && before.some((w) => BUILD_WORDS.has(w))))
    return { kind: "step", confidence: 0.8 };
  if (before.some((w) => BUILD_WORDS.has(w)) && (before[0] === "to" || before[0] === "of" || (before[0] === "to" && before[1] === "up")))
    return { kind: "target", confidence: 0.85 };
  if (before.some((w) => BUILD_WORDS.has(w)) && before[0] === "least") return { kind: "target", confidence: 0.7 };
  if (
    followedByPeriod(after) ||
    (["total", "in", "of"].includes(after[0] ?? "") && ["all", "total", "walking", "this", "the"].includes(after[1] ?? ""))
  ) {
    return { kind: "other", confidence: 0.7 };
  }
  // "Spend 30 seconds on each side", "spend 1-2 minutes on each stretch": the time on each one is its hold.
  const onEach = (after[0] === "on" || after[0] === "in" || after[0] === "with") && (after[1] === "each" || after[1] === "every");
  if (before.includes("spend") && onEach && !everyBefore) return { kind: "hold", confidence: 0.8 };
  if (before.some((w) => OTHER_WORDS.has(w)) || everyBefore) return { kind: "other", confidence: 0.6 };
  // "In just 10 minutes you can …", "in under 5 minutes": how long the whole takes.
  const inTime = before[0] === "in" || (["just", "only", "under"].includes(before[0] ?? "") && before[1] === "in");
  if (inTime && !before.some((w) => HOLD_WORDS.has(w))) return { kind: "other", confidence: 0.6 };
  if (!before.some((w) => HOLD_WORDS.has(w)) && after.slice(0, 3).some((w) => ROUTINE_NOUNS.has(w)))
    return { kind: "other", confidence: 0.6 };
  const holdWord = before.some((w) => HOLD_WORDS.has(w)) || after[0] === "hold" || after[0] === "holds";
  return { kind: "hold", confidence: holdWord ? 0.95 : 0.8 };
}

/** A Quantity built field by field in one order: object spreads here were the slowest line on long input. */
function quantity(
  kind: QuantityKind,
  range: IntRange,
  seconds: IntRange | null,
  start: number,
  end: number,
  confidence: number,
  note: string | null,
  repeatsHold: boolean,
  tokenEnd: number,
  implied = false,
): Quantity {
  return { kind, range, seconds, start, end, confidence, note, repeatsHold, tokenEnd, implied };
}

const LET_GO = new Set(["hold", "holding", "held", "stay", "release", "releasing", "relax", "relaxing"]);
const TO_OTHER_SIDE = new Set(["switch", "swap", "change", "changing", "other", "opposite", "alternate"]);

/** Whether a word of `words` is in the sentence before token i (within 30 tokens); with `sentences` 2, in the one before too. */
function saidBefore(tokens: readonly Token[], i: number, words: ReadonlySet<string>, sentences: 1 | 2 = 1): boolean {
  let stops = 0;
  for (let k = i - 1, n = 0; k >= 0 && n < 30; k--, n++) {
    if (SENTENCE_STOPS.has(tokens[k]!.text) && ++stops === sentences) break;
    if (words.has(tokens[k]!.text)) return true;
  }
  return false;
}

/**
 * "Release and repeat", "Hold for 10 seconds, repeat and then switch sides", "Repeat the motion.":
 * with no count, "repeat" after the hold is let go, or naming the movement, is the movement once
 * more. After a switch in its sentence ("Switch legs and repeat.") it is the other side, and with
 * nothing held or named ("Return to start position and repeat.") it only says to keep going.
 */
function impliedRepeat(tokens: readonly Token[], i: number, next: number): boolean {
  if (saidBefore(tokens, i, TO_OTHER_SIDE)) return false;
  const namesMovement = next > i + 1 && tokens[next - 1]!.text !== "it";
  return namesMovement || saidBefore(tokens, i, LET_GO, 2);
}

const DEFINERS = new Set(["complete", "completes", "make", "makes", "equals", "is", "as"]);

/** "Do both sides to complete one rep", "this counts as one repetition": what one repetition is, not how many. */
const definesOneRep = (tokens: readonly Token[], i: number, read: { min: number; max: number }) =>
  read.min === 1 && read.max === 1 && DEFINERS.has(tokens[i - 1]?.text ?? "");

const BREATH_VERBS = new Set(["inhale", "inhaling", "exhale", "exhaling"]);
const BREATHE = new Set(["breathe", "breathing", "breath"]);

/**
 * "Breathe in 5 seconds", "exhale for a count of 4": the length of one breath, not a hold,
 * unless the clause holds too ("exhale and hold for 10 seconds", "breathe deeply for 30 seconds"
 * names no breath's direction and stays a hold).
 */
const breathPace = (before: readonly string[]) =>
  !before.some((w) => w === "hold" || w === "holding" || w === "stay" || w === "remain") &&
  before.some((w, k) => BREATH_VERBS.has(w) || ((w === "in" || w === "out") && BREATHE.has(before[k + 1] ?? "")));

/** "up to 30 s", "a maximum of 10 seconds", "at most 5 breaths": the most, so half of it to it. */
const atMost = (before: readonly string[]) =>
  (before[0] === "to" && before[1] === "up") ||
  (before[0] === "of" && (before[1] === "maximum" || before[1] === "max")) ||
  (before[0] === "most" && before[1] === "at");

/** Finds every hold, breath count, repetition, set and rest in a run of tokens, in order (at most MAX_QUANTITIES). */
export function readQuantities(tokens: readonly Token[]): Quantity[] {
  // In a short line ("child's pose 30s") a bare length is the hold; in prose it needs a word
  // that makes it one ("hold", "stay", "for", "about"), or it is some other length.
  let words = 0;
  let stops = 0;
  for (let k = 0; k < tokens.length && words <= TERSE_WORDS; k++) {
    const t = tokens[k]!;
    if (t.kind !== "punct") words++;
    else if (SENTENCE_STOPS.has(t.text) && k < tokens.length - 1) stops++;
  }
  const terse = words <= TERSE_WORDS && stops === 0;
  const found: Quantity[] = [];
  let i = 0;
  while (i < tokens.length && found.length < MAX_QUANTITIES) {
    const read = readAt(tokens, i);
    if (!read) {
      i++;
      continue;
    }
    const first = tokens[i]!;
    const last = tokens[read.next - 1]!;
    const timed = read.kind !== "reps" && read.kind !== "sets";
    const before = timed ? clauseWords(tokens, i - 1, -1, 8) : [];
    // Repetitions and sets look only at the two words after them, read in place (no list per quantity).
    const after = timed ? clauseWords(tokens, read.next, 1, 6) : NO_WORDS;
    // Each scan is bounded (30 words each way, MAX_QUANTITIES quantities), so a run stays linear.
    const everyBefore = timed && sentenceHas(tokens, i, tokens.length, EVERY);
    const repeatsHold = timed && sentenceHas(tokens, i, read.next, REPEAT_WORDS);
    if ((read.implied && !impliedRepeat(tokens, i, read.next)) || (read.kind === "reps" && definesOneRep(tokens, i, read))) {
      i = read.next;
      continue;
    }
    if (read.kind === "reps" || read.kind === "sets") {
      // "3 sets of 10 repetitions each day": sets of repetitions are the prescription, the day its frequency.
      const occasions = ["times", "x", "×", "twice", "once"].includes(tokens[read.next - 1]?.text ?? "");
      const kind: QuantityKind = !read.reps && !read.perSession && perPeriodAt(tokens, read.next, occasions) ? "other" : read.kind;
      found.push(
        quantity(
          kind,
          { min: whole(read.min), max: whole(read.max) },
          null,
          first.start,
          last.end,
          kind === "other" ? 0.7 : read.implied ? 0.6 : 0.9,
          null,
          repeatsHold,
          read.next,
          read.implied === true,
        ),
      );
      if (read.reps && kind === "sets") {
        found.push(
          quantity(
            "reps",
            { min: whole(read.reps.min), max: whole(read.reps.max) },
            null,
            read.reps.start,
            read.reps.end,
            0.85,
            null,
            repeatsHold,
            read.next,
          ),
        );
      }
    } else if (read.kind === "breaths") {
      const between = before.includes("between") || after.includes("between");
      const kind: QuantityKind = between && durationKind(before, after, everyBefore).kind === "rest" ? "rest" : "breaths";
      // "Stay for up to 5 breaths": like "up to 30 s", half the count to the count.
      const upTo = atMost(before) && read.min === read.max;
      const breaths = upTo ? { min: Math.max(1, Math.round(read.max / 2)), max: read.max } : { min: read.min, max: read.max };
      // Half the time of the most ("up to 5 breaths" is 15–30 s), as for "up to 30 s", not the rounded count's.
      const seconds = upTo
        ? { min: whole((read.max * SECONDS_PER_BREATH) / 2), max: whole(read.max * SECONDS_PER_BREATH) }
        : { min: whole(breaths.min * SECONDS_PER_BREATH), max: whole(breaths.max * SECONDS_PER_BREATH) };
      found.push(
        quantity(
          kind,
          { min: whole(breaths.min), max: whole(breaths.max) },
          seconds,
          first.start,
          last.end,
          0.75,
          upTo
            ? `"${before[1] === "up" ? "up to" : "at most"} ${read.max} breaths" taken as ${seconds.min}–${seconds.max} s (half of ${read.max} breaths to all of them, ${SECONDS_PER_BREATH} s a breath)`
            : `${breaths.min === breaths.max ? breaths.min : `${breaths.min}–${breaths.max}`} breaths taken as ${seconds.min === seconds.max ? seconds.min : `${seconds.min}–${seconds.max}`} s (${SECONDS_PER_BREATH} s a breath)`,
          repeatsHold,
          read.next,
        ),
      );
    } else {
      const factor = read.kind === "count" ? SECONDS_PER_COUNT : 1;
      let range = { min: whole(read.min * factor), max: whole(read.max * factor) };
      let { kind, confidence } = durationKind(before, after, everyBefore);
      if (kind === "hold" && breathPace(before)) {
        kind = "other";
        confidence = 0.6;
      }
      // A length opening its clause and closing it too ("20 secs, 3 times each leg") is a prescription.
      const standsAlone = before.length === 0 && after.length === 0;
      // "… and count to 5": a count is itself a hold, needing no hold word before it.
      const counted = read.kind === "count";
      if (
        kind === "hold" &&
        !counted &&
        !terse &&
        !standsAlone &&
        !before.some((w) => HOLD_CONTEXT.has(w)) &&
        !HOLD_AFTER.has(after[0] ?? "")
      ) {
        kind = "other";
        confidence = 0.5;
      }
      let note: string | null = read.kind === "count" ? `a count of ${read.max} taken as ${range.max} s` : null;
      if (kind === "hold" && atMost(before) && range.min === range.max) {
        range = { min: whole(range.max / 2), max: range.max };
        note = `"${before[1] === "up" ? "up to" : "at most"} ${range.max} s" read as ${range.min}–${range.max} s`;
      }
      found.push(
        quantity(
          kind,
          range,
          kind === "hold" ? range : null,
          first.start,
          last.end,
          read.kind === "count" ? 0.7 : confidence,
          note,
          repeatsHold,
          read.next,
        ),
      );
    }
    i = read.next;
  }
  return found;
}
