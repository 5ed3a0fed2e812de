import type { BlockFacts } from "./block-facts.ts";
import type { Quantity } from "./quantities.ts";
import { splitSentences } from "./sentences.ts";
import type { Token } from "./tokens.ts";

/** One sentence of an exercise with its tokens and the quantities read inside it. */
export interface SentenceFacts {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  quantities: Quantity[];
}

function lowerBound<T extends { start: number }>(items: readonly T[], at: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The items that start inside [start, end), found by binary search over items sorted by start. */
export function within<T extends { start: number }>(items: readonly T[], start: number, end: number): T[] {
  const from = lowerBound(items, start);
  const to = lowerBound(items, end);
  // All of them (a block that is one sentence): the list itself, which no reader changes.
  if (from === 0 && to === items.length) return items as T[];
  return items.slice(from, to);
}

/** Runs of white space as one space; most sentences have none to collapse, so check before replacing. */
function collapseSpaces(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13 || c === 9 || c === 160 || (c === 32 && s.charCodeAt(i + 1) === 32)) return s.replace(/\s+/g, " ");
  }
  return s;
}

/** Splits the part of a block from `from` on into sentences carrying their own tokens and quantities. */
export function sentencesOf(text: string, facts: BlockFacts, from: number): SentenceFacts[] {
  return splitSentences(text, from, facts.block.end).map((s) => ({
    start: s.start,
    end: s.end,
    text: collapseSpaces(text.slice(s.start, s.end)),
    tokens: within(facts.tokens, s.start, s.end),
    quantities: within(facts.quantities, s.start, s.end),
  }));
}

const FILLER = new Set([
  "hold",
  "holding",
  "for",
  "the",
  "this",
  "that",
  "stretch",
  "position",
  "it",
  "repeat",
  "times",
  "time",
  "on",
  "each",
  "side",
  "sides",
  "both",
  "other",
  "switch",
  "to",
  "and",
  "then",
  "do",
  "about",
  "approximately",
  "around",
  "at",
  "least",
  "a",
  "an",
  "of",
  "per",
  "leg",
  "legs",
  "foot",
  "feet",
  "again",
  "with",
  "up",
  "there",
  "in",
  "pose",
  "your",
  "or",
  "x",
  "set",
  "sets",
  "reps",
  "rep",
  "first",
  "opposite",
  "same",
  "swap",
  "change",
  "breathe",
  "rest",
  "seconds",
  "is",
  "you",
]);

/** True when a sentence says only how long or how often ("Hold for 30 seconds.", "Repeat 3 times each side."). */
export function isBareQuantity(s: SentenceFacts): boolean {
  // Tokens and quantities are both in text order, so one walk finds which words lie inside a quantity.
  let q = 0;
  for (const t of s.tokens) {
    while (q < s.quantities.length && s.quantities[q]!.end <= t.start) q++;
    if (t.kind !== "word") continue;
    const inside = q < s.quantities.length && t.start >= s.quantities[q]!.start && t.end <= s.quantities[q]!.end;
    if (!inside && !FILLER.has(t.text)) return false;
  }
  return true;
}

const CUE_STARTS = new Set(["breathe", "breathing", "relax", "keep", "don't", "stay", "no", "exhale", "inhale", "smile"]);

/** A short reminder such as "Breathe." or "Keep breathing." that suits a voice cue during a hold. */
export function isCue(s: SentenceFacts): boolean {
  if (s.quantities.length > 0) return false;
  let words = 0;
  let first = "";
  for (const t of s.tokens) {
    if (t.kind !== "word") continue;
    if (words++ === 0) first = t.text;
    if (words > 5) return false;
  }
  return words > 0 && CUE_STARTS.has(first);
}

/** Every safety rule below needs one of these words, so most sentences are ruled out in one pass. */
const SAFETY_TRIGGERS = new Set([
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
]);
const SAFETY_WORDS = new Set([
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
]);

/** A sentence that warns ("Stop if you feel sharp pain", "Check with your doctor first"). */
export function isSafety(s: SentenceFacts): boolean {
  if (!s.tokens.some((t) => SAFETY_TRIGGERS.has(t.text))) return false;
  const w = s.tokens.map((t) => t.text);
  if (w.some((x) => SAFETY_WORDS.has(x))) return true;
  if (w[0] === "stop" || (w.includes("stop") && w.includes("if"))) return true;
  if (w.includes("pain") && (w.includes("sharp") || w.includes("shooting") || w.includes("worse") || w.includes("increases"))) return true;
  if ((w.includes("should") || w.includes("shouldn't")) && w.includes("hurt")) return true;
  if (w[0] === "never" || ((w[0] === "don't" || (w[0] === "do" && w[1] === "not")) && w.includes("bounce"))) return true;
  return false;
}
