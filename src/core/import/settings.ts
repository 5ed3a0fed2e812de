import type { BlockFacts } from "./block-facts.ts";
import { findPosition } from "./position.ts";
import { EACH_LIMBS } from "./sides.ts";
import { splitSentences } from "./sentences.ts";

// Which blocks speak of every movement (a hold or count for all, advice) rather than of one.

const GENERIC_SINGULAR = new Set(["stretch", "exercise", "pose", "posture", "position", "movement", "move", "one"]);
const GENERIC_PLURAL = new Set(["stretches", "exercises", "poses", "postures", "positions", "movements", "moves"]);
const EVERY = new Set(["each", "every", "all", "any"]);
const THESE = new Set(["these", "the", "those", "all"]);

/**
 * "Hold each stretch for 15 to 30 seconds", "the hamstring stretches should be held for 15
 * seconds and repeated 4 times": a timed block that speaks of every movement and describes none
 * (no body position) sets the hold or repetitions for all of them; it is not an exercise.
 */
export function isForAll(f: BlockFacts): boolean {
  if (!f.timed || f.role !== "body" || (f.label && !f.label.field) || findPosition(f.tokens) !== null) return false;
  if ((f.block.text.match(/[.!?](\s|$)/g) ?? []).length > 3) return countsEachOne(f);
  // Walks the words once, without copying them: a setting is short, but any block is asked.
  // The words that speak of every movement must be in a timed sentence: "Try these stretches
  // every 2 hours. Extend the arms … draw 5 to 10 circles" is a movement after an aside.
  const words = f.tokens;
  let timedAt: ((i: number) => boolean) | null = null;
  const timedSentence = (i: number) => (timedAt ??= sentenceTimer(f))(i);
  for (let i = 0; i < words.length; i++) {
    const t = words[i]!;
    if (t.kind !== "punct" && ADVICE.has(t.text)) return true;
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.kind === "punct" || (!EVERY.has(w.text) && !THESE.has(w.text))) continue;
    // The next two words, punctuation skipped.
    for (let k = i + 1, seen = 0; k < words.length && seen < 2; k++) {
      const n = words[k]!;
      if (n.kind === "punct") continue;
      seen++;
      if ((GENERIC_PLURAL.has(n.text) || (EVERY.has(w.text) && GENERIC_SINGULAR.has(n.text))) && timedSentence(i)) return true;
    }
  }
  return false;
}

const TIMED_KINDS = new Set(["hold", "breaths", "reps", "sets"]);

/**
 * "Morning stretches (hold each for 30 seconds)", "Stretches - 30 sec each": a short timed line that
 * names the movements as a collection and speaks of each of them (not of each side) sets the hold
 * or count for all, like a sentence that says "each stretch"; it is a heading of settings, not a
 * movement. Two blocks at least must follow it, or there is nothing for it to be said of.
 */
export function isCollectionSetting(f: BlockFacts, blocks: number): boolean {
  if (!f.timed || f.words > 10 || f.index > blocks - 3 || findPosition(f.tokens) !== null) return false;
  if ((f.block.text.match(/[.!?](\s|$)/g) ?? []).length > 1) return false;
  let collection = false;
  let each = false;
  f.tokens.forEach((t, i) => {
    if (GENERIC_PLURAL.has(t.text)) collection = true;
    if (EVERY.has(t.text) && !EACH_LIMBS.has(f.tokens[i + 1]?.text ?? "")) each = true;
  });
  return collection && each;
}

/**
 * "Aim to do 10 repetitions of each exercise", "hold for 30 seconds for every stretch": a count or
 * hold said of each movement in so many words is for all of them, however long the paragraph
 * around it (an introduction of several sentences that names no position).
 */
function countsEachOne(f: BlockFacts): boolean {
  // Quantities come in token order, so one pointer walks the tokens once for all of them.
  let k = 0;
  for (const q of f.quantities) {
    while (k < f.tokens.length && f.tokens[k]!.start < q.end) k++;
    if (!TIMED_KINDS.has(q.kind)) continue;
    const [a, b, c] = [f.tokens[k]?.text, f.tokens[k + 1]?.text ?? "", f.tokens[k + 2]?.text ?? ""];
    if ((a === "of" || a === "for") && EVERY.has(b) && GENERIC_SINGULAR.has(c) && c !== "one") return true;
  }
  return false;
}

/** For a block, whether the sentence holding token i has a hold, breaths, repetitions or sets: built in one pass each. */
function sentenceTimer(f: BlockFacts): (i: number) => boolean {
  const at = f.block.start;
  const ends = splitSentences(f.block.text, 0, f.block.text.length).map((x) => at + x.end);
  const timed = new Array<boolean>(ends.length + 1).fill(false);
  let k = 0;
  for (const q of f.quantities) {
    while (k < ends.length && ends[k]! <= q.start) k++;
    if (TIMED_KINDS.has(q.kind)) timed[k] = true;
  }
  const sentenceOf = new Int32Array(f.tokens.length);
  k = 0;
  f.tokens.forEach((t, i) => {
    while (k < ends.length && ends[k]! <= t.start) k++;
    sentenceOf[i] = k;
  });
  return (i) => timed[sentenceOf[i]!]!;
}

/** Words of advice about stretching in general, not of one movement: "Stretching guidelines", "Choose your reps and sets". */
const ADVICE = new Set(["guideline", "guidelines", "tips", "advice", "rules", "choose", "recommends", "recommended", "basics"]);

const HOW_MUCH = new Set(["often", "much", "long", "many"]);

/** A heading or first line that gives advice ("Stretching Guidelines", "How Much Should I Stretch?"), not a movement's name. */
export function isAdvice(f: BlockFacts | null | undefined): boolean {
  if (!f) return false;
  const tokens = f.tokens;
  return tokens.some((t, i) => ADVICE.has(t.text) || (t.text === "how" && HOW_MUCH.has(tokens[i + 1]?.text ?? "")));
}
