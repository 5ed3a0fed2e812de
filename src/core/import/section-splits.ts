import type { BlockFacts } from "./block-facts.ts";
import { findPosition } from "./position.ts";
import { SETUP_OPENERS } from "./routine-words.ts";

// How one section's blocks are cut into movements: at fresh starts between paragraphs, and at whole prescriptions in a list.

/** The first word of a block after its label, if it has one ("Chin tuck – Draw your head back" → "draw"). */
export function firstBodyWord(f: BlockFacts): string {
  if (!f.label) return f.firstWord;
  return f.tokens.find((t) => t.start >= f.label!.bodyStart && t.kind !== "punct")?.text ?? "";
}

/**
 * Splits a section's paragraphs where a new paragraph starts a fresh timed exercise of its own:
 * it stands after a blank line, names a body position and a hold, and the text before it was
 * already a timed movement. Phases of one exercise written as paragraphs rarely restate the position.
 */
export function splitAtFreshStarts(body: readonly BlockFacts[], describesMovement: (f: BlockFacts) => boolean): BlockFacts[][] {
  const parts: BlockFacts[][] = [[]];
  // What the current part holds so far, kept as blocks join it (not rescanned for each block).
  let timed = false;
  let describes = false;
  const ways = new Set<string>();
  const start = (f: BlockFacts) => {
    parts.push([]);
    timed = false;
    describes = false;
    ways.clear();
    join(f);
  };
  const join = (f: BlockFacts) => {
    parts[parts.length - 1]!.push(f);
    timed ||= f.timed;
    describes ||= describesMovement(f);
    const way = lyingWay(f.tokens);
    if (way) ways.add(way);
  };
  body.forEach((f, i) => {
    const current = parts[parts.length - 1]!;
    // The text before must be a movement already: timed, and with a step or a position
    // ("You can do anything for one minute." above the steps is not one).
    const before = timed && describes;
    const positioned = findPosition(f.tokens) !== null;
    // Or: a paragraph that opens by setting up a start position ("Laying on your back, …"),
    // timed in itself or in the next block, right after a timed block: a movement of its own.
    const setsUp =
      startsNewSetup(f) &&
      (findPosition(firstSentence(f)) !== null || opensInAPose(f)) &&
      (f.timed || body[i + 1]?.timed === true) &&
      current[current.length - 1]?.timed === true;
    // Or: a timed paragraph that lies another way than the movement before it ("Lay on your
    // stomach …" then "… while lying flat on your back. Hold this stretch for 30 seconds."), timed or not before.
    const way = f.block.afterBlank && f.timed && describes ? lyingWay(f.tokens) : null;
    const otherWay = way !== null && [...ways].some((w) => w !== way);
    const fresh =
      f.block.kind === "paragraph" &&
      ((before && ((f.block.afterBlank && f.timed && positioned) || setsUp || f.opensMovement === true)) || otherWay);
    if (fresh) start(f);
    else join(f);
  });
  return parts;
}

/**
 * Under a hold said once for every movement ("Each stretch should be held for 10 – 15 seconds"),
 * movements carry no time of their own, so each paragraph after a blank line that opens a
 * movement (`opens`: a step or a position) starts one, timed or not. The parts are marked as
 * listed movements (isListed), so an untimed one still counts.
 */
export function splitUnderSetting(body: readonly BlockFacts[], opens: (f: BlockFacts) => boolean): BlockFacts[][] {
  const parts: BlockFacts[][] = [[]];
  for (const f of body) {
    const current = parts[parts.length - 1]!;
    if (current.length > 0 && f.block.kind === "paragraph" && f.block.afterBlank && opens(f)) parts.push([f]);
    else current.push(f);
  }
  if (parts.length > 1) for (const part of parts) LISTED.add(part);
  return parts;
}

const FACE_DOWN = new Set(["stomach", "tummy", "belly", "prone", "facedown", "face-down"]);
const FACE_UP = new Set(["back", "supine", "faceup", "face-up", "hooklying"]);

/** Which way a block lies, when it says: "on your stomach", "face down", "prone" or "on your back", "supine". */
function lyingWay(tokens: BlockFacts["tokens"]): "face down" | "face up" | null {
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.text;
    const after = tokens[i - 1]?.text === "your" && (tokens[i - 2]?.text === "on" || tokens[i - 2]?.text === "onto");
    if (w === "prone" || w === "facedown" || w === "face-down" || (FACE_DOWN.has(w) && after)) return "face down";
    if (w === "supine" || w === "faceup" || w === "face-up" || w === "hooklying" || (FACE_UP.has(w) && after)) return "face up";
    if (w === "face" && (tokens[i + 1]?.text === "down" || tokens[i + 1]?.text === "up"))
      return tokens[i + 1]!.text === "down" ? "face down" : "face up";
  }
  return null;
}

/** The tokens of a block's first sentence. */
function firstSentence(f: BlockFacts): BlockFacts["tokens"] {
  const end = f.tokens.findIndex((t) => t.text === "." || t.text === "!" || t.text === "?");
  return end < 0 ? f.tokens : f.tokens.slice(0, end);
}

/** "Start in Downward-Facing Dog …", "Begin on your mat in …": a start in a pose the position words may not know. */
function opensInAPose(f: BlockFacts): boolean {
  const words = f.tokens.filter((t) => !f.label || t.start >= f.label.bodyStart);
  return (words[0]?.text === "start" || words[0]?.text === "begin") && (words[1]?.text === "in" || words[1]?.text === "on");
}

/** "Laying on your back, …", "While in a seated position, …", "Start in Downward-Facing Dog…": a block that opens by setting up a position. */
const startsNewSetup = (f: BlockFacts) => SETUP_OPENERS.has(firstBodyWord(f));

const HOLDING = new Set(["hold", "breaths"]);
const isComplete = (f: BlockFacts) =>
  f.quantities.some((q) => HOLDING.has(q.kind)) && f.quantities.some((q) => q.kind === "reps" || q.kind === "sets");

/**
 * Splits a list of steps into several exercises when its items each carry their own timing
 * and at least one item is a whole prescription on its own (a hold and its repetitions):
 * each part ends at a timed item; untimed items after the last one stay with it.
 */
/** The parts splitAtCompleteItems made one item each, from a list of movements. */
const LISTED = new WeakSet<BlockFacts[]>();

/** A list item that is only a hold closing the steps before it ("Hold for 20–30 seconds."). */
const isClosingHold = (f: BlockFacts) => f.block.kind === "item" && f.timed && f.firstWord === "hold" && f.words <= 8;

/**
 * Steps in a list where a short hold closes untimed steps three times or more
 * ("- Stand on your left foot …", "- Pull the heel …", "- Hold for 20–30 seconds.", "- Sit on the
 * floor …", "- Hold for 20–30 seconds.", …): each run of steps up to its hold is one movement.
 */
const closesRuns = (blocks: readonly BlockFacts[]) =>
  blocks.filter((t, i) => isClosingHold(t) && i > 0 && blocks[i - 1]!.block.kind === "item" && !blocks[i - 1]!.timed).length >= 3;

export function splitAtCompleteItems(blocks: BlockFacts[]): BlockFacts[][] {
  const timedItems = blocks.filter((b) => b.block.kind === "item" && b.timed);
  if (!timedItems.some(isComplete) && closesRuns(blocks)) {
    const runs: BlockFacts[][] = [[]];
    for (const b of blocks) {
      runs[runs.length - 1]!.push(b);
      if (isClosingHold(b)) runs.push([]);
    }
    const rest = runs.pop()!;
    for (const b of rest) runs[runs.length - 1]!.push(b);
    for (const part of runs) LISTED.add(part);
    // The first run starts where its movement is set up ("- Stand on your left foot …"): the advice
    // and intro before that ("- Hold each stretch for 20–30 seconds.", "- Never stretch …") are a part of their own.
    const first = runs[0]!;
    let setup = -1;
    for (let k = first.length - 2; k >= 0 && setup < 0; k--) if (findPosition(first[k]!.tokens) !== null) setup = k;
    if (setup > 0) {
      const lead = first.slice(0, setup);
      const steps = first.slice(setup);
      LISTED.add(steps);
      return [lead, steps, ...runs.slice(1)];
    }
    return runs;
  }
  if (timedItems.length < 2 || !timedItems.some(isComplete)) return [blocks];
  // Every timed item a whole prescription, two or more: a list of movements, so each item is one,
  // timed or not ("Slowly drop your head to the left … Hold and then repeat on the right side.").
  if (timedItems.every(isComplete)) {
    const each: BlockFacts[][] = [];
    for (const b of blocks) {
      if (b.block.kind === "item" || each.length === 0) each.push([b]);
      else each[each.length - 1]!.push(b);
    }
    for (const part of each) LISTED.add(part);
    return each;
  }
  const parts: BlockFacts[][] = [[]];
  for (const b of blocks) {
    parts[parts.length - 1]!.push(b);
    if (b.block.kind === "item" && b.timed) parts.push([]);
  }
  const rest = parts.pop()!;
  for (const b of rest) parts[parts.length - 1]!.push(b);
  return parts;
}

/** Whether a part is one item of a list of movements (splitAtCompleteItems made it so). */
export const isListed = (part: BlockFacts[]) => LISTED.has(part);
