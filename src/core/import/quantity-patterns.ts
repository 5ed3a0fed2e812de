import { readNumber } from "./numbers.ts";
import type { Token } from "./tokens.ts";
import { TENS_WORDS, UNIT_WORDS } from "../words.ts";

const REP_LABELS = new Set(["reps", "rep", "repetitions", "repetition", "repeat", "times"]);
const PER_SIDE = new Set(["side", "leg", "foot", "way", "arm", "direction", "knee", "hip"]);
const RANGE_JOINERS = new Set(["-", "–", "—", "to", "or", "/"]);
const SECOND_WORDS = new Set(["s", "sec", "secs", "second", "seconds", '"']);
const MINUTE_WORDS = new Set(["min", "mins", "minute", "minutes", "'"]);
/** Plurals after "do 5 …" that count something other than the movement. */
const NOT_MOVEMENTS = new Set([
  "sets",
  "stretches",
  "exercises",
  "days",
  "weeks",
  "months",
  "hours",
  "seconds",
  "minutes",
  "breaths",
  "counts",
  "sessions",
  "steps",
  "things",
  "poses",
]);

/** Words after a counted plural that keep it the count of a movement: "10 circles clockwise", "5 lunges with each leg". */
const PLURAL_FOLLOWERS = new Set([
  "with",
  "on",
  "each",
  "per",
  "in",
  "for",
  "and",
  "then",
  "inward",
  "outward",
  "forward",
  "forwards",
  "backward",
  "backwards",
  "clockwise",
  "counterclockwise",
  "anticlockwise",
]);

/** "lunges", "heel raises", "contract/relax cycles": a few words ending in a plural that names what is repeated. */
function movementPlural(tokens: readonly Token[], j: number): boolean {
  // "repeat 3 times", "do 2 sets": read by the rules for repetition and set words.
  if (REP_WORDS.has(tokens[j]?.text ?? "") || SET_WORDS.has(tokens[j]?.text ?? "")) return false;
  for (let k = j; k < j + 5 && k < tokens.length; k++) {
    const t = tokens[k]!;
    // "three contract/relax cycles", "10 sit-to-stands": words joined by a slash or a hyphen.
    if (t.kind !== "word" && (t.text === "/" || t.text === "-") && k > j) continue;
    if (t.kind !== "word") return false;
    if (t.text.length > 3 && t.text.endsWith("s") && !t.text.endsWith("ss") && !NOT_MOVEMENTS.has(t.text)) {
      const after = tokens[k + 1];
      return !after || after.kind !== "word" || PLURAL_FOLLOWERS.has(after.text);
    }
  }
  return false;
}

const REP_WORDS = new Set(["times", "time", "x", "×", "reps", "rep", "repetitions", "repetition", "rounds", "round", "cycles"]);
const SET_WORDS = new Set(["sets", "set"]);
const BREATH_WORDS = new Set(["breath", "breaths", "breathing", "exhales", "exhale", "inhales"]);
const BREATH_ADJECTIVES = new Set([
  "deep",
  "slow",
  "full",
  "long",
  "calm",
  "steady",
  "big",
  "relaxed",
  "easy",
  "complete",
  "gentle",
  "more",
  "belly",
  "nice",
  "good",
  "natural",
  "normal",
  "smooth",
  "even",
  "quiet",
  "comfortable",
  "cleansing",
  "diaphragmatic",
  "abdominal",
  "conscious",
  "mindful",
]);
/** Between a count and "breaths": "long, slow breaths", "slow and deep breaths". */
const BREATH_JOINERS = new Set([",", "and"]);

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
const INCH_PLACES = new Set([
  "from",
  "away",
  "apart",
  "behind",
  "in",
  "off",
  "high",
  "wide",
  "long",
  "tall",
  "up",
  "forward",
  "back",
  "out",
]);

function readTimeUnit(tokens: readonly Token[], i: number): { factor: number; next: number } | null {
  let j = i;
  if (tokens[j]?.text === "-") j++;
  const t = tokens[j];
  if (!t) return null;
  // 12" from a wall, 6" apart: a double prime before a place word is inches, not seconds.
  if ((t.text === '"' || t.text === "″" || t.text === "”") && INCH_PLACES.has(tokens[j + 1]?.text ?? "")) return null;
  if (SECOND_WORDS.has(t.text)) return { factor: 1, next: j + 1 };
  if (MINUTE_WORDS.has(t.text)) return { factor: 60, next: j + 1 };
  return null;
}

const BREATHING = new Set(["breathe", "inhale", "exhale"]);
const BREATH_MANNER = new Set(["deeply", "slowly", "fully", "calmly", "in", "out", "and", "exhale", "inhale", "deep", "slow"]);

/** Whether the words right before token i are a breath and its manner only: "breathe deeply", "inhale and exhale". */
function breathedBefore(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const w = tokens[k]!.text;
    if (BREATHING.has(w)) return true;
    if (!BREATH_MANNER.has(w)) return false;
  }
  return false;
}

/** A quantity as written: what kind, its numbers, and the token after it. */
export interface Read {
  kind: "duration" | "breaths" | "count" | "reps" | "sets";
  min: number;
  max: number;
  /** Second count for "3 sets of 10" or "3 x 10": the reps per set. */
  reps?: { min: number; max: number; start: number; end: number };
  next: number;
  note: string | null;
  /** A count of one session ("a set of 3"): a period after it ("each day") is how often, not what it counts. */
  perSession?: boolean;
  /** "Repeat" with no count ("release and repeat", "repeat the motion"): once more, if nothing else counts it. */
  implied?: boolean;
}

/** "half a minute", "a minute", "a minute and a half", "one and a half minutes", "a full minute". */
function readSpokenMinute(tokens: readonly Token[], i: number): Read | null {
  const first = tokens[i]?.text;
  if (first !== "half" && first !== "a" && first !== "an") return null;
  if (tokens[i + 0]?.text === "half" && tokens[i + 1]?.text === "a" && MINUTE_WORDS.has(tokens[i + 2]?.text ?? ""))
    return { kind: "duration", min: 30, max: 30, next: i + 3, note: null };
  if (tokens[i + 0]?.text === "half" && MINUTE_WORDS.has(tokens[i + 1]?.text ?? ""))
    return { kind: "duration", min: 30, max: 30, next: i + 2, note: null };
  if (tokens[i + 0]?.text === "a" && tokens[i + 1]?.text === "half" && MINUTE_WORDS.has(tokens[i + 2]?.text ?? ""))
    return { kind: "duration", min: 30, max: 30, next: i + 3, note: null };
  const whole = tokens[i + 0]?.text === "a" || tokens[i + 0]?.text === "an" ? { value: 1, next: i + 1 } : null;
  if (!whole) return null;
  let j = whole.next;
  if (tokens[j]?.text === "full") j++;
  if (!MINUTE_WORDS.has(tokens[j]?.text ?? "")) return null;
  j++;
  if (tokens[j]?.text === "and" && tokens[j + 1]?.text === "a" && tokens[j + 2]?.text === "half") {
    return { kind: "duration", min: 90, max: 90, next: j + 3, note: null };
  }
  // "a minute or two": one to two minutes.
  if (tokens[j]?.text === "or" && tokens[j + 1]?.text === "two") return { kind: "duration", min: 60, max: 120, next: j + 2, note: null };
  return { kind: "duration", min: 60, max: 60, next: j, note: null };
}

/**
 * A length at token i read without the rest of readAt ("a minute", "30 seconds", "1-2 minutes"),
 * so the end of a range is read without reading ranges again: a run of "between between …" or
 * "a minute to a minute to …" costs one step each, never a deeper call.
 */
function readPlainLength(tokens: readonly Token[], i: number): { min: number; max: number; next: number } | null {
  const spoken = readSpokenMinute(tokens, i);
  if (spoken) return spoken;
  const r = readRange(tokens, i);
  const unit = r ? readTimeUnit(tokens, r.next) : null;
  return r && unit ? { min: r.min * unit.factor, max: r.max * unit.factor, next: unit.next } : null;
}

const SIDE_SWITCHES = new Set(["switch", "swap", "change", "other", "opposite"]);

/** Verbs before a count that make it repetitions: "do 10", "perform 8", "draw 5 circles", "make 10 circles". */
const DOERS = new Set(["do", "perform", "complete", "repeat", "draw", "make"]);
/** "Alternate 5 to 10 cat-cow stretches": a count after these is of the movement, whatever plural follows. */
const ALTERNATORS = new Set(["alternate", "alternating"]);

/** What "repeat the …" may name when it means the whole movement once more. */
const WHOLE_MOVEMENT = new Set(["motion", "movement", "stretch", "exercise", "sequence", "pose", "steps"]);
const BARE_REPEAT_ENDS = new Set([".", "!", ";", ",", "and", "then"]);

/**
 * "Release and repeat.", "repeat, trying to stretch farther", "Repeat the motion.": "repeat" with no
 * count, no side and no place after it. Where it means once more is the sentence's to say.
 */
function bareRepeatAt(tokens: readonly Token[], i: number): number | null {
  if (tokens[i]?.text !== "repeat") return null;
  let j = i + 1;
  if (tokens[j]?.text === "it" || (tokens[j]?.text === "this" && !WHOLE_MOVEMENT.has(tokens[j + 1]?.text ?? ""))) j++;
  else if ((tokens[j]?.text === "the" || tokens[j]?.text === "this") && WHOLE_MOVEMENT.has(tokens[j + 1]?.text ?? "")) j += 2;
  const end = tokens[j];
  if (end !== undefined && !BARE_REPEAT_ENDS.has(end.text)) return null;
  // "… and repeat 3 times", "repeat, then 10 more": a count right after the joiner is the count.
  if (end && (end.text === "and" || end.text === "then") && tokens[j + 1]?.kind === "num") return null;
  return j;
}

/** Words that can open a quantity; any other word is skipped without further reading. */
const OPENERS = new Set([
  "a",
  "an",
  "half",
  "twice",
  "once",
  "again",
  "thrice",
  "x",
  "×",
  "count",
  "between",
  "dozen",
  "repeat",
  ...UNIT_WORDS,
  ...TENS_WORDS,
]);

/** Reads a duration, breath or count, repetitions or sets starting at token i, or answers null. */
export function readAt(tokens: readonly Token[], i: number): Read | null {
  const t = tokens[i]!;
  if (t.kind === "punct" || (t.kind === "word" && !OPENERS.has(t.text))) return null;
  if (t.text === "repeat") {
    const end = bareRepeatAt(tokens, i);
    return end === null ? null : { kind: "reps", min: 2, max: 2, next: end, note: null, implied: true };
  }
  const spoken = readSpokenMinute(tokens, i);
  if (spoken) {
    // "half a minute to a minute", "half a minute to 2 minutes": a range between spoken lengths.
    if (tokens[spoken.next]?.text === "to" && spoken.min === spoken.max) {
      const upper = readPlainLength(tokens, spoken.next + 1);
      if (upper && upper.max > spoken.max) return { ...spoken, max: upper.max, next: upper.next };
    }
    return spoken;
  }
  // "a set of 3": one set, so three repetitions.
  if (t.text === "a" && tokens[i + 1]?.text === "set" && tokens[i + 2]?.text === "of" && tokens[i + 3]?.kind !== "punct") {
    const r = readRange(tokens, i + 3);
    if (r && !readTimeUnit(tokens, r.next)) return { kind: "reps", min: r.min, max: r.max, next: r.next, note: null, perSession: true };
  }
  if (t.text === "twice") return { kind: "reps", min: 2, max: 2, next: i + 1, note: null };
  // "repeat once more", "once again": one more time, so twice in all.
  if (t.text === "once" && (tokens[i + 1]?.text === "more" || tokens[i + 1]?.text === "again"))
    return { kind: "reps", min: 2, max: 2, next: i + 2, note: null };
  // "once or twice": a range, so "once or twice a day" is how often as a whole.
  if (t.text === "once" && tokens[i + 1]?.text === "or" && tokens[i + 2]?.text === "twice")
    return { kind: "reps", min: 1, max: 2, next: i + 3, note: null };
  if (t.text === "once") return { kind: "reps", min: 1, max: 1, next: i + 1, note: null };
  // "Do it all again", "do it again": the movement twice.
  if (
    t.text === "again" &&
    tokens[i - 1]?.text !== undefined &&
    ["it", "all"].includes(tokens[i - 1]!.text) &&
    tokens.slice(Math.max(0, i - 3), i).some((x) => x.text === "do") &&
    // "… then switch sides and do it again": the same once on the other side, not twice.
    !tokens.slice(Math.max(0, i - 6), i).some((x) => SIDE_SWITCHES.has(x.text))
  ) {
    return { kind: "reps", min: 2, max: 2, next: i + 1, note: null };
  }
  if (t.text === "thrice") return { kind: "reps", min: 3, max: 3, next: i + 1, note: null };
  if ((t.text === "x" || t.text === "×") && tokens[i + 1]?.kind === "num") {
    const r = readRange(tokens, i + 1);
    // "x5 breaths": five breaths, not five repetitions.
    if (r && BREATH_WORDS.has(tokens[r.next]?.text ?? "")) return { kind: "breaths", min: r.min, max: r.max, next: r.next + 1, note: null };
    // "10 reps x 3 sets": the count after the x is of sets.
    if (r && SET_WORDS.has(tokens[r.next]?.text ?? "")) return { kind: "sets", min: r.min, max: r.max, next: r.next + 1, note: null };
    if (r && !readTimeUnit(tokens, r.next)) return { kind: "reps", min: r.min, max: r.max, next: r.next, note: null };
    return null;
  }
  if (t.text === "count" && (tokens[i + 1]?.text === "of" || tokens[i + 1]?.text === "to")) {
    const r = readRange(tokens, i + 2);
    if (r) return { kind: "count", min: r.min, max: r.max, next: r.next, note: null };
  }
  // "between 30 seconds and 1 minute": a range whose ends carry their own units.
  if (t.text === "between") {
    const low = readPlainLength(tokens, i + 1);
    if (low && tokens[low.next]?.text === "and") {
      const high = readPlainLength(tokens, low.next + 1);
      if (high && high.max > low.max) return { kind: "duration", min: low.min, max: high.max, next: high.next, note: null };
    }
  }
  const r = readRange(tokens, i);
  if (!r) return null;
  let j = r.next;
  // "Repetitions: 2", "Reps - 10", "Sets: 3": a bare count after a field label.
  const labelled = tokens[i - 1]?.text === ":" || tokens[i - 1]?.text === "-" || tokens[i - 1]?.text === "–";
  const field = labelled ? (tokens[i - 2]?.text ?? "") : "";
  if (
    labelled &&
    tokens[i]!.kind === "num" &&
    !readTimeUnit(tokens, j) &&
    (REP_LABELS.has(field) || SET_WORDS.has(field) || field === "rounds")
  ) {
    return { kind: REP_LABELS.has(field) ? "reps" : "sets", min: r.min, max: r.max, next: j, note: null };
  }
  const doer = tokens[i - 1]?.text ?? "";
  if (ALTERNATORS.has(doer) && r.max >= 2 && !readTimeUnit(tokens, j)) return { kind: "reps", min: r.min, max: r.max, next: j, note: null };
  if (DOERS.has(doer) && !readTimeUnit(tokens, j)) {
    const next = tokens[j];
    const more =
      next && (next.kind !== "word" || ["on", "each", "per", "with", "for", "and", "then", "more", "slow", "in"].includes(next.text));
    if (tokens[i]!.kind === "num" && (!next || more)) return { kind: "reps", min: r.min, max: r.max, next: j, note: null };
    // "Do 5 lunges with each leg", "repeat three contract/relax cycles": the count of a movement named in the plural.
    if (movementPlural(tokens, j)) return { kind: "reps", min: r.min, max: r.max, next: j, note: null };
  }
  // "10 or more seconds", "10 or longer seconds": at least ten, read as ten.
  if (tokens[j]?.text === "or" && (tokens[j + 1]?.text === "more" || tokens[j + 1]?.text === "longer") && readTimeUnit(tokens, j + 2))
    j += 2;
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
    // "1 minute 30 seconds", "1 min 30 sec": minutes and the seconds after them are one length.
    if (unit.factor === 60 && r.min === r.max && tokens[j]?.kind === "num") {
      const secs = readRange(tokens, j);
      const secUnit = secs && secs.min === secs.max ? readTimeUnit(tokens, secs.next) : null;
      if (secs && secUnit?.factor === 1 && secs.max < 60)
        return { kind: "duration", min: min + secs.max, max: max + secs.max, next: secUnit.next, note: null };
    }
    // "30 seconds to 1 minute": a range whose ends carry their own units.
    if (r.min === r.max && tokens[j] && RANGE_JOINERS.has(tokens[j]!.text) && tokens[j]!.text !== "/") {
      const spoken = readSpokenMinute(tokens, j + 1);
      if (spoken && spoken.max > max) return { kind: "duration", min, max: spoken.max, next: spoken.next, note: null };
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
  // Up to three adjectives, with commas or "and" between them: "5-8 long, slow breaths", "10 slow and deep breaths".
  for (let seen = 0; seen < 3 && BREATH_ADJECTIVES.has(tokens[k]?.text ?? ""); seen++) {
    k++;
    if (BREATH_JOINERS.has(tokens[k]?.text ?? "") && BREATH_ADJECTIVES.has(tokens[k + 1]?.text ?? "")) k++;
  }
  if (BREATH_WORDS.has(tokens[k]?.text ?? "") && !(tokens[k]?.text === "breathing" && tokens[k + 1]?.text !== "cycles")) {
    const next = tokens[k + 1]?.text === "cycles" ? k + 2 : k + 1;
    return { kind: "breaths", min: r.min, max: r.max, next, note: null };
  }
  if (tokens[j]?.text === "-" && tokens[j + 1]?.text === "count") return { kind: "count", min: r.min, max: r.max, next: j + 2, note: null };
  if (tokens[j]?.text === "counts") return { kind: "count", min: r.min, max: r.max, next: j + 1, note: null };
  // "Hold for an 8 count", "a 5 count hold": the singular too, unless "count of"/"count to" follows.
  if (tokens[j]?.text === "count" && tokens[j + 1]?.text !== "of" && tokens[j + 1]?.text !== "to")
    return { kind: "count", min: r.min, max: r.max, next: j + 1, note: null };
  // "3 each leg", "10 per side": a bare count said per side is repetitions.
  if ((tokens[j]?.text === "each" || tokens[j]?.text === "per") && PER_SIDE.has(tokens[j + 1]?.text ?? "")) {
    return { kind: "reps", min: r.min, max: r.max, next: j, note: null };
  }
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
  // "Breathe deeply 5 times", "inhale and exhale 5 times": a hold of that many breaths.
  if (repWord?.text === "times" && breathedBefore(tokens, i)) return { kind: "breaths", min: r.min, max: r.max, next: j + 1, note: null };
  if ((repWord?.text === "rounds" || repWord?.text === "round") && tokens[j + 1]?.text === "of") {
    // "5 rounds of breath": a hold of five breaths.
    if (BREATH_WORDS.has(tokens[j + 2]?.text ?? "")) return { kind: "breaths", min: r.min, max: r.max, next: j + 3, note: null };
    // "3 rounds of 10": three sets of ten ("3 rounds of 30 seconds" stays three times a hold).
    const reps = readRange(tokens, j + 2);
    if (reps && tokens[j + 2]?.kind === "num" && !readTimeUnit(tokens, reps.next)) {
      let end = reps.next;
      if (REP_WORDS.has(tokens[end]?.text ?? "") && tokens[end]?.text !== "x") end++;
      return {
        kind: "sets",
        min: r.min,
        max: r.max,
        next: end,
        note: null,
        reps: { min: reps.min, max: reps.max, start: tokens[j + 2]!.start, end: tokens[end - 1]!.end },
      };
    }
  }
  if (repWord && REP_WORDS.has(repWord.text)) {
    // "3 x 10" and "3x10": three sets of ten.
    if ((repWord.text === "x" || repWord.text === "×") && tokens[j + 1]?.kind === "num") {
      const reps = readRange(tokens, j + 1);
      if (reps && !readTimeUnit(tokens, reps.next)) {
        return {
          kind: "sets",
          min: r.min,
          max: r.max,
          next: reps.next,
          note: null,
          reps: { min: reps.min, max: reps.max, start: tokens[j + 1]!.start, end: tokens[reps.next - 1]!.end },
        };
      }
      return { kind: "reps", min: r.min, max: r.max, next: j + 1, note: null };
    }
    return { kind: "reps", min: r.min, max: r.max, next: j + 1, note: null };
  }
  return null;
}
