import type { IntRange } from "../program.ts";
import { readNumber } from "./numbers.ts";
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
}

/** Seconds one slow breath is taken to last when a hold is given in breaths (10 breaths a minute). */
export const SECONDS_PER_BREATH = 6;
/** Seconds one count is taken to last ("hold for a count of 10"). */
export const SECONDS_PER_COUNT = 1;

const RANGE_JOINERS = new Set(["-", "–", "—", "to", "or", "/"]);
const SECOND_WORDS = new Set(["s", "sec", "secs", "second", "seconds", "\""]);
const MINUTE_WORDS = new Set(["min", "mins", "minute", "minutes", "'"]);
const REP_WORDS = new Set(["times", "time", "x", "×", "reps", "rep", "repetitions", "repetition", "rounds", "round", "cycles"]);
const SET_WORDS = new Set(["sets", "set"]);
const BREATH_WORDS = new Set(["breath", "breaths", "breathing", "exhales", "exhale", "inhales"]);
const BREATH_ADJECTIVES = new Set(["deep", "slow", "full", "long", "calm", "steady", "big", "relaxed", "easy", "complete", "gentle", "more"]);
const CLAUSE_STOPS = new Set([".", "!", "?", ";", ",", ":", "(", ")", "\n"]);
const SENTENCE_STOPS = new Set([".", "!", "?", ";"]);
const PERIOD_WORDS = new Set(["day", "days", "week", "weeks", "morning", "mornings", "evening", "evenings", "night", "hour", "hours", "month"]);
const REST_WORDS = new Set(["rest", "resting", "pause", "break", "relax", "recover", "recovery", "between"]);
const BUILD_WORDS = new Set(["build", "work", "increase", "progress", "progressing", "extend", "lengthen", "longer", "gradually", "eventually", "aim", "add", "adding", "goal", "working", "building", "increasing"]);
const OTHER_WORDS = new Set(["walk", "walking", "march", "marching", "every", "daily", "total", "takes", "take", "routine", "session", "sessions", "whole", "warm", "cycle", "bike", "workout", "program", "programme", "minutes'", "spend"]);
/** Nouns a length describes when it is the length of a whole routine: "a 5 min morning reset". */
const ROUTINE_NOUNS = new Set(["routine", "reset", "flow", "workout", "session", "sequence", "program", "programme", "plan", "series", "challenge", "stretch-routine", "break", "warm", "warmup", "daily", "morning", "evening", "mobility", "yoga", "class"]);
const HOLD_WORDS = new Set(["hold", "holding", "held", "stay", "keep", "remain", "for", "sustain", "maintain"]);

interface RangeRead {
  min: number;
  max: number;
  next: number;
}

/** Reads "10", "10-20", "10 to 20", "2 or 3", "between 10 and 20" at token i. */
function readRange(tokens: readonly Token[], i: number): RangeRead | null {
  if (tokens[i]?.text === "between") {
    const a = readNumber(tokens, i + 1);
    if (a && tokens[a.next]?.text === "and") {
      const b = readNumber(tokens, a.next + 1);
      if (b) return { min: Math.min(a.value, b.value), max: Math.max(a.value, b.value), next: b.next };
    }
    return null;
  }
  const a = readNumber(tokens, i);
  if (!a) return null;
  const joiner = tokens[a.next];
  if (joiner && RANGE_JOINERS.has(joiner.text)) {
    const b = readNumber(tokens, a.next + 1);
    if (b && b.value >= a.value && (joiner.text !== "/" || tokens[a.next + 1]?.kind === "num")) {
      return { min: a.value, max: b.value, next: b.next };
    }
  }
  return { min: a.value, max: a.value, next: a.next };
}

/** Reads a time unit at token i (an optional hyphen first, as in "20-second"): seconds per unit. */
function readTimeUnit(tokens: readonly Token[], i: number): { factor: number; next: number } | null {
  let j = i;
  if (tokens[j]?.text === "-") j++;
  const t = tokens[j];
  if (!t) return null;
  if (SECOND_WORDS.has(t.text)) return { factor: 1, next: j + 1 };
  if (MINUTE_WORDS.has(t.text)) return { factor: 60, next: j + 1 };
  return null;
}

interface Read {
  kind: "duration" | "breaths" | "count" | "reps" | "sets";
  min: number;
  max: number;
  /** Second count for "3 sets of 10" or "3 x 10": the reps per set. */
  reps?: { min: number; max: number; start: number; end: number };
  next: number;
  note: string | null;
}

/** "half a minute", "a minute", "a minute and a half", "one and a half minutes", "a full minute". */
function readSpokenMinute(tokens: readonly Token[], i: number): Read | null {
  const first = tokens[i]!.text;
  if (first !== "half" && first !== "a" && first !== "an") return null;
  const w = (k: number) => tokens[i + k]?.text;
  if (w(0) === "half" && w(1) === "a" && MINUTE_WORDS.has(w(2) ?? "")) return { kind: "duration", min: 30, max: 30, next: i + 3, note: null };
  if (w(0) === "half" && MINUTE_WORDS.has(w(1) ?? "")) return { kind: "duration", min: 30, max: 30, next: i + 2, note: null };
  if (w(0) === "a" && w(1) === "half" && MINUTE_WORDS.has(w(2) ?? "")) return { kind: "duration", min: 30, max: 30, next: i + 3, note: null };
  const whole = w(0) === "a" || w(0) === "an" ? { value: 1, next: i + 1 } : null;
  if (!whole) return null;
  let j = whole.next;
  if (tokens[j]?.text === "full") j++;
  if (!MINUTE_WORDS.has(tokens[j]?.text ?? "")) return null;
  j++;
  if (tokens[j]?.text === "and" && tokens[j + 1]?.text === "a" && tokens[j + 2]?.text === "half") {
    return { kind: "duration", min: 90, max: 90, next: j + 3, note: null };
  }
  return { kind: "duration", min: 60, max: 60, next: j, note: null };
}

/** Words that can open a quantity; any other word is skipped without further reading. */
const OPENERS = new Set([
  "a", "an", "half", "twice", "once", "thrice", "x", "×", "count", "between", "dozen", "zero", "one", "two", "three", "four",
  "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
  "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
]);

function readAt(tokens: readonly Token[], i: number): Read | null {
  const t = tokens[i]!;
  if (t.kind === "punct" || (t.kind === "word" && !OPENERS.has(t.text))) return null;
  const spoken = readSpokenMinute(tokens, i);
  if (spoken) return spoken;
  if (t.text === "twice") return { kind: "reps", min: 2, max: 2, next: i + 1, note: null };
  if (t.text === "once") return { kind: "reps", min: 1, max: 1, next: i + 1, note: null };
  if (t.text === "thrice") return { kind: "reps", min: 3, max: 3, next: i + 1, note: null };
  if ((t.text === "x" || t.text === "×") && tokens[i + 1]?.kind === "num") {
    const r = readRange(tokens, i + 1);
    if (r && !readTimeUnit(tokens, r.next)) return { kind: "reps", min: r.min, max: r.max, next: r.next, note: null };
    return null;
  }
  if (t.text === "count" && (tokens[i + 1]?.text === "of" || tokens[i + 1]?.text === "to")) {
    const r = readRange(tokens, i + 2);
    if (r) return { kind: "count", min: r.min, max: r.max, next: r.next, note: null };
  }
  const r = readRange(tokens, i);
  if (!r) return null;
  let j = r.next;
  const doer = tokens[i - 1]?.text ?? "";
  if ((doer === "do" || doer === "perform" || doer === "complete" || doer === "repeat") && tokens[i]!.kind === "num" && !readTimeUnit(tokens, j)) {
    const next = tokens[j];
    const more = next && (next.kind !== "word" || ["on", "each", "per", "with", "for", "and", "then", "more", "slow", "in"].includes(next.text));
    if (!next || more) return { kind: "reps", min: r.min, max: r.max, next: j, note: null };
  }
  const unit = readTimeUnit(tokens, j);
  if (unit) {
    j = unit.next;
    let min = r.min * unit.factor;
    let max = r.max * unit.factor;
    if (tokens[j]?.text === "and" && tokens[j + 1]?.text === "a" && tokens[j + 2]?.text === "half") {
      min += unit.factor / 2;
      max += unit.factor / 2;
      j += 3;
    }
    // "30 seconds to 1 minute": a range whose ends carry their own units.
    if (r.min === r.max && tokens[j] && RANGE_JOINERS.has(tokens[j]!.text) && tokens[j]!.text !== "/") {
      const upper = readRange(tokens, j + 1);
      const upperUnit = upper ? readTimeUnit(tokens, upper.next) : null;
      if (upper && upperUnit && upper.max * upperUnit.factor > max) {
        return { kind: "duration", min, max: upper.max * upperUnit.factor, next: upperUnit.next, note: null };
      }
    }
    return { kind: "duration", min, max, next: j, note: null };
  }
  // "and a half minutes" after a number: "one and a half minutes".
  if (tokens[j]?.text === "and" && tokens[j + 1]?.text === "a" && tokens[j + 2]?.text === "half") {
    const u = readTimeUnit(tokens, j + 3);
    if (u) return { kind: "duration", min: (r.min + 0.5) * u.factor, max: (r.max + 0.5) * u.factor, next: u.next, note: null };
  }
  let k = j;
  while (k < j + 3 && BREATH_ADJECTIVES.has(tokens[k]?.text ?? "")) k++;
  if (BREATH_WORDS.has(tokens[k]?.text ?? "") && !(tokens[k]?.text === "breathing" && tokens[k + 1]?.text !== "cycles")) {
    const next = tokens[k + 1]?.text === "cycles" ? k + 2 : k + 1;
    return { kind: "breaths", min: r.min, max: r.max, next, note: null };
  }
  if (tokens[j]?.text === "-" && tokens[j + 1]?.text === "count") return { kind: "count", min: r.min, max: r.max, next: j + 2, note: null };
  if (tokens[j]?.text === "counts") return { kind: "count", min: r.min, max: r.max, next: j + 1, note: null };
  if (SET_WORDS.has(tokens[j]?.text ?? "")) {
    const read: Read = { kind: "sets", min: r.min, max: r.max, next: j + 1, note: null };
    if (tokens[j + 1]?.text === "of" || tokens[j + 1]?.text === "x" || tokens[j + 1]?.text === "×") {
      const reps = readRange(tokens, j + 2);
      if (reps && !readTimeUnit(tokens, reps.next)) {
        let end = reps.next;
        if (REP_WORDS.has(tokens[end]?.text ?? "") && tokens[end]?.text !== "x") end++;
        read.reps = { min: reps.min, max: reps.max, start: tokens[j + 2]!.start, end: tokens[end - 1]!.end };
        read.next = end;
      }
    }
    return read;
  }
  const repWord = tokens[j];
  if (repWord && REP_WORDS.has(repWord.text)) {
    // "3 x 10" and "3x10": three sets of ten.
    if ((repWord.text === "x" || repWord.text === "×") && tokens[j + 1]?.kind === "num") {
      const reps = readRange(tokens, j + 1);
      if (reps && !readTimeUnit(tokens, reps.next)) {
        return {
          kind: "sets", min: r.min, max: r.max, next: reps.next, note: null,
          reps: { min: reps.min, max: reps.max, start: tokens[j + 1]!.start, end: tokens[reps.next - 1]!.end },
        };
      }
      return { kind: "reps", min: r.min, max: r.max, next: j + 1, note: null };
    }
    return { kind: "reps", min: r.min, max: r.max, next: j + 1, note: null };
  }
  return null;
}

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

const followedByPeriod = (after: string[]) =>
  (["a", "per", "each", "every"].includes(after[0] ?? "") && PERIOD_WORDS.has(after[1] ?? "")) ||
  ["daily", "weekly", "nightly"].includes(after[0] ?? "") ||
  (after[0] === "throughout" && after[2] === "day");

const whole = (n: number) => Math.max(1, Math.round(n));

/** "rest here", "relax in this position": resting in the stretch is holding it, not a break. */
const restsInPlace = (before: string[]) => before.some((w, k) => (w === "rest" || w === "relax" || w === "resting") && ["here", "there", "in", "into", "like"].includes(before[k - 1] ?? ""));

function durationKind(before: string[], after: string[], everyBefore: boolean): { kind: QuantityKind; confidence: number } {
  if (after.some((w, k) => k < 3 && REST_WORDS.has(w))) return { kind: "rest", confidence: 0.85 };
  if (restsInPlace(before)) return { kind: "hold", confidence: 0.8 };
  if (before.some((w) => REST_WORDS.has(w)) && !before.slice(0, 2).some((w) => w === "hold" || w === "holding")) return { kind: "rest", confidence: 0.85 };
  if (before[0] === "add" || before[0] === "adding" || (before[0] === "by" && before.some((w) => BUILD_WORDS.has(w)))) return { kind: "step", confidence: 0.8 };
  if (before.some((w) => BUILD_WORDS.has(w)) && (before[0] === "to" || before[0] === "of" || (before[0] === "to" && before[1] === "up"))) return { kind: "target", confidence: 0.85 };
  if (before.some((w) => BUILD_WORDS.has(w)) && before[0] === "least") return { kind: "target", confidence: 0.7 };
  if (followedByPeriod(after) || ["total", "in", "of"].includes(after[0] ?? "") && ["all", "total", "walking", "this", "the"].includes(after[1] ?? "")) {
    return { kind: "other", confidence: 0.7 };
  }
  if (before.some((w) => OTHER_WORDS.has(w)) || everyBefore) return { kind: "other", confidence: 0.6 };
  if (!before.some((w) => HOLD_WORDS.has(w)) && after.slice(0, 3).some((w) => ROUTINE_NOUNS.has(w))) return { kind: "other", confidence: 0.6 };
  const holdWord = before.some((w) => HOLD_WORDS.has(w)) || after[0] === "hold" || after[0] === "holds";
  return { kind: "hold", confidence: holdWord ? 0.95 : 0.8 };
}

/** Finds every hold, breath count, repetition, set and rest in a run of tokens, in order. */
export function readQuantities(tokens: readonly Token[]): Quantity[] {
  const found: Quantity[] = [];
  let i = 0;
  while (i < tokens.length) {
    const read = readAt(tokens, i);
    if (!read) {
      i++;
      continue;
    }
    const first = tokens[i]!;
    const last = tokens[read.next - 1]!;
    const timed = read.kind !== "reps" && read.kind !== "sets";
    const before = timed ? clauseWords(tokens, i - 1, -1, 8) : [];
    const after = clauseWords(tokens, read.next, 1, timed ? 6 : 3);
    const everyBefore = timed && sentenceHas(tokens, i, tokens.length, EVERY);
    const repeatsHold = timed && sentenceHas(tokens, i, read.next, REPEAT_WORDS);
    // Built field by field in one order: object spreads here were the importer's slowest line on long input.
    const make = (kind: QuantityKind, range: IntRange, seconds: IntRange | null, confidence: number, note: string | null, start = first.start, end = last.end): Quantity => ({
      kind, range, seconds, start, end, confidence, note, repeatsHold, tokenEnd: read.next,
    });
    if (read.kind === "reps" || read.kind === "sets") {
      const kind: QuantityKind = followedByPeriod(after) ? "other" : read.kind;
      found.push(make(kind, { min: whole(read.min), max: whole(read.max) }, null, kind === "other" ? 0.7 : 0.9, null));
      if (read.reps && kind === "sets") {
        found.push(make("reps", { min: whole(read.reps.min), max: whole(read.reps.max) }, null, 0.85, null, read.reps.start, read.reps.end));
      }
    } else if (read.kind === "breaths") {
      const between = before.includes("between") || after.includes("between");
      const kind: QuantityKind = between && durationKind(before, after, everyBefore).kind === "rest" ? "rest" : "breaths";
      const seconds = { min: whole(read.min * SECONDS_PER_BREATH), max: whole(read.max * SECONDS_PER_BREATH) };
      found.push(make(kind, { min: whole(read.min), max: whole(read.max) }, seconds, 0.75, `${read.min === read.max ? read.min : `${read.min}–${read.max}`} breaths taken as ${seconds.min === seconds.max ? seconds.min : `${seconds.min}–${seconds.max}`} s (${SECONDS_PER_BREATH} s a breath)`));
    } else {
      const factor = read.kind === "count" ? SECONDS_PER_COUNT : 1;
      let range = { min: whole(read.min * factor), max: whole(read.max * factor) };
      const { kind, confidence } = durationKind(before, after, everyBefore);
      let note: string | null = read.kind === "count" ? `a count of ${read.max} taken as ${range.max} s` : null;
      if (kind === "hold" && before[0] === "to" && before[1] === "up" && range.min === range.max) {
        range = { min: whole(range.max / 2), max: range.max };
        note = `"up to ${range.max} s" read as ${range.min}–${range.max} s`;
      }
      found.push(make(kind, range, kind === "hold" ? range : null, read.kind === "count" ? 0.7 : confidence, note));
    }
    i = read.next;
  }
  return found;
}
