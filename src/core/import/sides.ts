import type { Side } from "../program.ts";
import type { DraftSides } from "./draft.ts";
import { readNumber } from "./numbers.ts";
import type { Token } from "./tokens.ts";

export interface SidesReading {
  sides: DraftSides;
  /** Where the text says so ("each side", "switch to the other foot"); null when inferred. */
  sidesAt: { start: number; end: number } | null;
  sidesConfidence: number;
  firstSide: Side | null;
  firstSideAt: { start: number; end: number } | null;
  firstSideConfidence: number;
}

const LIMBS = new Set([
  "side",
  "sides",
  "leg",
  "legs",
  "foot",
  "feet",
  "ankle",
  "ankles",
  "knee",
  "knees",
  "hip",
  "hips",
  "arm",
  "arms",
  "calf",
  "calves",
  "way",
  "direction",
  "heel",
  "toe",
  "toes",
  "hamstring",
]);
/**
 * What "each" or "per" counts when it is said per side, not per movement: LIMBS, and the hand and
 * the arm's joints ("10 times with each hand", "per wrist", "30 s each leg"). "The other hand" is
 * often the one that helps, so those are not in LIMBS.
 */
export const EACH_LIMBS = new Set([...LIMBS, "hand", "hands", "wrist", "palm", "shoulder", "elbow", "thumb"]);
const PAIRED = new Set(["feet", "legs", "ankles", "knees", "heels", "calves", "shins", "hips", "soles"]);
const SWITCH = new Set(["switch", "swap", "change", "alternate", "alternating", "alternate", "repeat", "then"]);

const BOTH_STARTS = new Set([
  "repeat",
  "changing",
  "each",
  "per",
  "both",
  "other",
  "opposite",
  "second",
  "switch",
  "swap",
  "change",
  "alternate",
  "alternating",
  "left",
  "right",
  "one",
]);

/** What may be worked one at a time: "one foot at a time", "one hand at a time". */
const ONE_AT_A_TIME = new Set(["leg", "foot", "side", "arm", "hand", "wrist", "knee", "hip", "ankle", "shoulder"]);

/** Words that send the movement to the other side, beyond naming it. */
const SWITCHING = new Set(["switch", "swap", "change", "changing", "alternate", "alternating"]);
const SECOND_SIDE = new Set(["other", "opposite", "each", "both"]);

/**
 * "Alternate legs", "alternating sides", a bare "alternate": sides taken in turn. A count or
 * "between" after it ("Alternate 5 to 10 cat-cow stretches", "alternate between the two poses")
 * takes turns between two movements, not sides.
 */
const alternatesSides = (tokens: readonly Token[], i: number): boolean =>
  readNumber(tokens, i + 1) === null && tokens[i + 1]?.text !== "between";

/** "switch legs", "alternate", "repeat on the other side": the text sends the movement to the second side. */
const switchesAt = (tokens: readonly Token[], i: number): boolean =>
  (SWITCHING.has(tokens[i]!.text) && (!tokens[i]!.text.startsWith("alternat") || alternatesSides(tokens, i))) ||
  (tokens[i]!.text === "repeat" && tokens.slice(i + 1, i + 7).some((t) => SECOND_SIDE.has(t.text)));

/** Verbs for a limb that helps or bears the weight ("use your left hand", "keep your left foot flat", "stand on your left foot"). */
const SUPPORTING = new Set(["use", "using", "keep", "keeping", "stand", "standing"]);

/** Whether the side word at i names a limb that helps or stays put ("use your left hand", "keep your left foot flat"). */
const supports = (tokens: readonly Token[], i: number): boolean => tokens.slice(Math.max(0, i - 3), i).some((t) => SUPPORTING.has(t.text));

/** The text of token i + k, or "" past either end. */
const wordAt = (tokens: readonly Token[], i: number, k: number): string => tokens[i + k]?.text ?? "";

type Hit = { start: number; end: number };

function span(tokens: readonly Token[], from: number, to: number): Hit {
  return { start: tokens[from]!.start, end: tokens[to]!.end };
}

/** "each side", "per leg", "both sides", "other foot", "opposite side", "switch sides", "left and right". */
function bothSidesAt(tokens: readonly Token[], i: number): Hit | null {
  const head = tokens[i]!.text;
  if (!BOTH_STARTS.has(head)) return null;
  if ((wordAt(tokens, i, 0) === "each" || wordAt(tokens, i, 0) === "per") && EACH_LIMBS.has(wordAt(tokens, i, 1)))
    return span(tokens, i, i + 1);
  // "Repeat the same stretch with the other palm", "repeat using the opposite hand": the movement done again on the other side.
  if (wordAt(tokens, i, 0) === "repeat") {
    for (let k = 1; k <= 6; k++) {
      const w = wordAt(tokens, i, k);
      if (w === "" || tokens[i + k]!.kind === "punct") break;
      if (
        (w === "with" || w === "using" || w === "on" || w === "for") &&
        (wordAt(tokens, i, k + 1) === "the" || wordAt(tokens, i, k + 1) === "your") &&
        (wordAt(tokens, i, k + 2) === "other" || wordAt(tokens, i, k + 2) === "opposite") &&
        tokens[i + k + 3]?.kind === "word"
      )
        return span(tokens, i, i + k + 3);
    }
  }
  if (
    wordAt(tokens, i, 0) === "both" &&
    (wordAt(tokens, i, 1) === "sides" || wordAt(tokens, i, 1) === "directions" || wordAt(tokens, i, 1) === "ways")
  )
    return span(tokens, i, i + 1);
  if ((wordAt(tokens, i, 0) === "other" || wordAt(tokens, i, 0) === "opposite") && LIMBS.has(wordAt(tokens, i, 1)))
    return span(tokens, i, i + 1);
  if (
    (wordAt(tokens, i, 0) === "other" || wordAt(tokens, i, 0) === "opposite") &&
    wordAt(tokens, i, 1) === "one" &&
    tokens[i - 1]?.text === "the"
  )
    return span(tokens, i, i + 1);
  if (
    wordAt(tokens, i, 0) === "second" &&
    (wordAt(tokens, i, 1) === "side" || wordAt(tokens, i, 1) === "leg" || wordAt(tokens, i, 1) === "foot")
  )
    return span(tokens, i, i + 1);
  if (
    SWITCH.has(wordAt(tokens, i, 0)) &&
    wordAt(tokens, i, 0) !== "repeat" &&
    wordAt(tokens, i, 0) !== "then" &&
    (wordAt(tokens, i, 1) === "sides" ||
      wordAt(tokens, i, 1) === "legs" ||
      wordAt(tokens, i, 1) === "feet" ||
      wordAt(tokens, i, 1) === "over" ||
      wordAt(tokens, i, 1) === "hands" ||
      wordAt(tokens, i, 1) === "arms")
  )
    return span(tokens, i, i + 1);
  if (wordAt(tokens, i, 0) === "changing" && (wordAt(tokens, i, 1) === "sides" || wordAt(tokens, i, 1) === "legs"))
    return span(tokens, i, i + 1);
  if (
    (wordAt(tokens, i, 0) === "left" && wordAt(tokens, i, 1) === "and" && wordAt(tokens, i, 2) === "right") ||
    (wordAt(tokens, i, 0) === "right" && wordAt(tokens, i, 1) === "and" && wordAt(tokens, i, 2) === "left")
  )
    return span(tokens, i, i + 2);
  if ((wordAt(tokens, i, 0) === "alternate" || wordAt(tokens, i, 0) === "alternating") && alternatesSides(tokens, i))
    return span(tokens, i, i);
  // "Stretch one foot at a time", "do this with one leg at a time": one side, then the other.
  if (
    wordAt(tokens, i, 0) === "one" &&
    ONE_AT_A_TIME.has(wordAt(tokens, i, 1)) &&
    wordAt(tokens, i, 2) === "at" &&
    wordAt(tokens, i, 3) === "a" &&
    wordAt(tokens, i, 4) === "time"
  )
    return span(tokens, i, i + 4);
  return null;
}

/** Where a limb goes beside the other one: "behind the other foot", "over the other knee", "from the other one". */
const PLACES = new Set([
  "behind",
  "over",
  "across",
  "against",
  "under",
  "underneath",
  "beneath",
  "beside",
  "on",
  "onto",
  "from",
  "above",
  "below",
  "front",
]);
/** Verbs that set a limb where it stays: "bend the other knee", "place the other leg behind you". */
const PLACING = new Set([
  "bend",
  "bent",
  "keep",
  "keeping",
  "place",
  "placing",
  "put",
  "rest",
  "resting",
  "cross",
  "raise",
  "lift",
  "plant",
]);
/** Words in a sentence that send the movement to the other side: "repeat with the other leg", "then the other knee". */
const GOING_OVER = new Set(["repeat", "switch", "swap", "change", "changing", "alternate", "alternating", "again", "then"]);
const SIDE_WORDS = new Set(["side", "sides", "way", "ways", "direction", "directions"]);

/**
 * Whether "other"/"opposite" at i names the limb the movement works against, not a second side:
 * placed beside it or set in place by a verb just before ("behind the other foot", "bent the other
 * knee", "on your opposite knee", "180 degrees from the other one") in a sentence that does not go
 * over to it. "The other side" is always the second side.
 */
function worksAgainst(tokens: readonly Token[], i: number): boolean {
  if (SIDE_WORDS.has(wordAt(tokens, i, 1))) return false;
  let placed = false;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = tokens[k]!;
    if (t.kind === "punct") break;
    if (PLACES.has(t.text) || PLACING.has(t.text)) placed = true;
  }
  if (!placed) return false;
  for (let k = i - 1, n = 0; k >= 0 && n < 30 && !SENTENCE_ENDS.has(tokens[k]!.text); k--, n++)
    if (GOING_OVER.has(tokens[k]!.text)) return false;
  for (let k = i + 1, n = 0; k < tokens.length && n < 30 && !SENTENCE_ENDS.has(tokens[k]!.text); k++, n++)
    if (GOING_OVER.has(tokens[k]!.text)) return false;
  return true;
}
const SENTENCE_ENDS = new Set([".", "!", "?", ";"]);

const HURT = new Set(["affected", "injured", "involved", "painful", "sore"]);
const HURT_LIMBS = new Set(["leg", "foot", "ankle", "side", "knee", "hip", "arm", "heel", "calf"]);

/** "your affected leg", "the injured foot": an exercise for the side that hurts, not both. */
function hurtSideAt(tokens: readonly Token[], i: number): Hit | null {
  if (!HURT.has(tokens[i]!.text)) return null;
  return HURT_LIMBS.has(wordAt(tokens, i, 1)) ? span(tokens, i, i + 1) : null;
}

/** "repeat 3 times for both legs", "do both legs", "on both sides": one side after the other. */
function forBothAt(tokens: readonly Token[], i: number): Hit | null {
  if (tokens[i]!.text !== "both") return null;
  const before = wordAt(tokens, i, -1);
  const limb = wordAt(tokens, i, 1);
  return (before === "for" || before === "do" || before === "with") && (limb === "legs" || limb === "arms" || limb === "wrists")
    ? span(tokens, i - 1, i + 1)
    : null;
}

/** "both feet", "feet together", "both legs at once": one hold works both sides together. */
function togetherAt(tokens: readonly Token[], i: number): Hit | null {
  const head = tokens[i]!.text;
  if (head !== "both" && !PAIRED.has(head)) return null;
  if (wordAt(tokens, i, 0) === "both" && PAIRED.has(wordAt(tokens, i, 1))) return span(tokens, i, i + 1);
  if (PAIRED.has(wordAt(tokens, i, 0)) && wordAt(tokens, i, 1) === "together") return span(tokens, i, i + 1);
  return null;
}

/** "only on the left", "right side only", "just the left leg", "your sore side only". */
function oneSideOnlyAt(tokens: readonly Token[], i: number): Hit | null {
  const head = tokens[i]!.text;
  if (head !== "only" && head !== "just" && !LIMBS.has(head)) return null;
  if (
    (wordAt(tokens, i, 0) === "only" || wordAt(tokens, i, 0) === "just") &&
    (wordAt(tokens, i, 1) === "the" || wordAt(tokens, i, 1) === "on" || wordAt(tokens, i, 1) === "your")
  ) {
    for (let k = 1; k <= 3; k++)
      if (
        wordAt(tokens, i, k) === "left" ||
        wordAt(tokens, i, k) === "right" ||
        wordAt(tokens, i, k) === "affected" ||
        wordAt(tokens, i, k) === "sore" ||
        wordAt(tokens, i, k) === "painful"
      )
        return span(tokens, i, i + k);
  }
  if (
    LIMBS.has(wordAt(tokens, i, 0)) &&
    wordAt(tokens, i, 1) === "only" &&
    (wordAt(tokens, i, -1) === "left" ||
      wordAt(tokens, i, -1) === "right" ||
      wordAt(tokens, i, -1) === "affected" ||
      wordAt(tokens, i, -1) === "sore")
  )
    return span(tokens, i - 1, i + 1);
  return null;
}

function sideWordAt(tokens: readonly Token[], i: number): Side | null {
  const t = tokens[i]!.text;
  if (t !== "left" && t !== "right") return null;
  const next = tokens[i + 1]?.text ?? "";
  const prev = tokens[i - 1]?.text ?? "";
  if (t === "right" && ["away", "now", "angle", "angles", "there", "here", "before", "after", "into", "back"].includes(next)) return null;
  if (t === "right" && ["all", "feels", "feel", "just"].includes(prev)) return null;
  if (t === "left" && ["is", "are", "be", "have", "has"].includes(prev)) return null;
  // "Top right: While sitting, …": a picture's caption, not a side.
  if (next === ":") return null;
  return t;
}

/**
 * Reads whether an exercise is worked one side at a time, both together, or on one side only,
 * and which side comes first (the first "left" or "right" the text mentions).
 */
export function readSides(tokens: readonly Token[]): SidesReading {
  let both: Hit | null = null;
  let together: Hit | null = null;
  let only: Hit | null = null;
  let first: { side: Side; at: Hit } | null = null;
  let supportSide: { side: Side; at: Hit } | null = null;
  let oneLimb: Hit | null = null;
  let bothFromOther = false;
  /** "Behind the other foot": the limb worked against, a second side only if the text switches. */
  let against: Hit | null = null;
  let switched = false;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.kind !== "word") continue;
    if (!both) {
      const hit = bothSidesAt(tokens, i) ?? forBothAt(tokens, i);
      const fromOther = hit !== null && (tokens[i]!.text === "other" || tokens[i]!.text === "opposite");
      if (fromOther && worksAgainst(tokens, i)) against ??= hit;
      else {
        both = hit;
        bothFromOther = fromOther;
      }
    }
    if (switchesAt(tokens, i)) switched = true;
    only ??= hurtSideAt(tokens, i);
    together ??= togetherAt(tokens, i);
    only ??= oneSideOnlyAt(tokens, i);
    if (!first) {
      const side = sideWordAt(tokens, i);
      // "Use your left hand to bend the right wrist", "keep your left foot flat … extend your right leg":
      // the side that helps or stays put is not the one worked first; it counts only when no other is named.
      if (side && supports(tokens, i)) supportSide ??= { side, at: span(tokens, i, i) };
      else if (side) first = { side, at: span(tokens, i, i) };
    }
    const w = tokens[i]!.text;
    if (
      !oneLimb &&
      (w === "one" || w === "single") &&
      ["leg", "foot", "knee", "side", "ankle", "hip", "-"].includes(tokens[i + 1]?.text ?? "")
    )
      oneLimb = span(tokens, i, i + 1);
  }
  first ??= supportSide;
  const firstSide = first?.side ?? null;
  const firstAt = first?.at ?? null;
  if (!both && against && switched) {
    both = against;
    bothFromOther = true;
  }
  // "Place the affected foot behind the other foot": beside the affected side, "the other foot" is
  // the one it works against, not a second side; switching words ("repeat with the other") still are.
  if (only && both && bothFromOther && !switched) both = null;
  if (only && !both) {
    return {
      sides: "one",
      sidesAt: only,
      sidesConfidence: 0.8,
      // The side named, or the left when the text says only "the affected leg".
      firstSide: firstSide ?? "left",
      firstSideAt: firstAt,
      firstSideConfidence: firstSide ? 0.8 : 0.3,
    };
  }
  if (both) {
    return {
      sides: "both",
      sidesAt: both,
      sidesConfidence: 0.9,
      firstSide: firstSide ?? "left",
      firstSideAt: firstAt,
      firstSideConfidence: firstSide ? 0.85 : 0.4,
    };
  }
  void oneLimb;
  if (first) {
    return {
      sides: "both",
      sidesAt: firstAt,
      sidesConfidence: 0.6,
      firstSide: firstSide ?? "left",
      firstSideAt: firstAt,
      firstSideConfidence: firstSide ? 0.7 : 0.4,
    };
  }
  return {
    sides: "none",
    sidesAt: together,
    sidesConfidence: together ? 0.85 : 0.6,
    firstSide: null,
    firstSideAt: null,
    firstSideConfidence: together ? 0.85 : 0.6,
  };
}
