import type { Block } from "./blocks.ts";
import { readQuantities, type Quantity } from "./quantities.ts";
import { EXERCISE_NOUNS, FIELD_LABELS, INSTRUCTION_VERBS, isStepStarter } from "./routine-words.ts";
import { tokenize, type Token } from "./tokens.ts";
import { TENS_WORDS, UNIT_WORDS } from "../words.ts";

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
const NUMBER_NAMES = new Set([...UNIT_WORDS, ...TENS_WORDS, ...ORDINALS]);

/** "Exercise 2", "Exercise Two", "Stretch #3", "Move one": a label that numbers an exercise instead of naming it. */
export function isNumberedLabel(text: string): boolean {
  const words = text.toLowerCase().replace(/[#.]/g, " ").trim().split(/\s+/);
  if (words.length !== 2 || !["exercise", "stretch", "move", "pose", "no"].includes(words[0]!)) return false;
  return /^\d{1,2}$/.test(words[1]!) || NUMBER_NAMES.has(words[1]!);
}

/** A leading "Name:" or "Name – " on a block. */
export interface Label {
  text: string;
  start: number;
  end: number;
  /** Where the rest of the block begins. */
  bodyStart: number;
  /** True for "Hold:", "Equipment:", "Tip:"... which name a field, not an exercise. */
  field: boolean;
}

/** A block with what the importer learned about it, computed once. */
export interface BlockFacts {
  block: Block;
  tokens: Token[];
  quantities: Quantity[];
  /** Holds a hold, breath count, repetitions or sets. */
  timed: boolean;
  label: Label | null;
  /** "heading" starts a section; "field-heading" is a heading such as "Instructions" that does not. */
  role: "heading" | "field-heading" | "body";
  level: number;
  firstWord: string;
  words: number;
  /** Position among the document's blocks; 0 is the first. */
  index: number;
  /** A part cut out of a block where a new movement starts (movement-starts.ts). */
  opensMovement?: boolean;
}

const TIMED_KINDS = new Set(["hold", "breaths", "reps", "sets"]);
/** Field labels whose length is the routine's time so far or in all, never a hold. */
const ROUTINE_TIME_LABELS = new Set(["elapsed time", "total time"]);

/** Drops trailing characters from `chars`, scanning from the end (a `[…]+$` pattern would rescan long runs). */
export function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

function normaliseLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\s'&/]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether a label names a field ("Hold", "Tip", "You'll need") rather than an exercise. */
export function isFieldLabel(text: string): boolean {
  const norm = normaliseLabel(text);
  if (norm === "" || FIELD_LABELS.has(norm)) return true;
  const first = norm.split(" ")[0]!;
  if (["note", "notes", "tip", "tips", "caution", "warning", "safety", "important"].includes(first)) return norm.split(" ").length <= 3;
  // "Step 1", "Day 2", "Week 3" are parts of a plan; "Step calf stretch" is an exercise.
  const label = trimEnd(text.trim(), ":. \t\n");
  return label.length <= 20 && /^(step|day|week|phase|level|round)\s*\d+$/i.test(label);
}

/** Words that open a clause of a step, so the text before a dash or colon is not a name. */
const CLAUSE_OPENERS = new Set(["while", "when", "if", "as", "without", "keeping", "placing", "holding", "using"]);

function readLabel(text: string, offset: number): Label | null {
  const limit = Math.min(text.length, 70);
  for (let i = 1; i < limit; i++) {
    const c = text[i]!;
    if (c === "." || c === "!" || c === "?" || c === ";" || c === ",") return null;
    let delimiterEnd = -1;
    if (c === ":" && !/\d/.test(text[i + 1] ?? "")) delimiterEnd = i + 1;
    else if ((c === "–" || c === "—" || c === "-" || c === "|") && text[i - 1] === " " && text[i + 1] === " ") {
      // "Hold each stretch for 20 - 30 seconds": a sentence that opens with a step, not a name, before a dash.
      if (c !== "|" && /\d\s$/.test(text.slice(0, i)) && isStepStarter(text.slice(0, i).trim().split(/\s+/)[0]!.toLowerCase())) continue;
      delimiterEnd = i + 1;
    }
    if (delimiterEnd < 0) continue;
    const labelText = text.slice(0, i).trim();
    const words = labelText.split(/\s+/).length;
    if (words > 7 || labelText === "") return null;
    // "While sitting or standing – without lifting your chin – glide …": a clause before a dash, not a name.
    if (CLAUSE_OPENERS.has(labelText.split(/\s+/)[0]!.toLowerCase())) return null;
    let bodyStart = delimiterEnd;
    while (bodyStart < text.length && text[bodyStart] === " ") bodyStart++;
    return {
      text: labelText,
      start: offset,
      end: offset + labelText.length,
      bodyStart: offset + bodyStart,
      field: isFieldLabel(labelText),
    };
  }
  return null;
}

/** The most words a name written as a sentence of its own has ("Chest stretch.", "Knee to chest."). */
const NAME_SENTENCE_WORDS = 5;

/**
 * "1. Chest stretch. Place both hands on …": a list item that opens with a short sentence naming
 * the movement, then its steps in sentences of their own. The name has no number, and does not
 * open with a function word or a step's verb unless it ends with an exercise noun ("Lower back
 * stretch."), so "Relax. Breathe out." and "Stand tall. Reach up." stay steps.
 */
function readNameSentence(b: Block): Label | null {
  if (b.kind !== "item") return null;
  const stop = b.text.indexOf(".");
  if (stop <= 0 || stop > 60) return null;
  const name = b.text.slice(0, stop).trim();
  const words = name.split(/\s+/);
  if (words.length > NAME_SENTENCE_WORDS || /[\d:;,!?()]/.test(name) || !/^[A-Z]/.test(name)) return null;
  let bodyStart = stop + 1;
  while (bodyStart < b.text.length && /\s/.test(b.text[bodyStart]!)) bodyStart++;
  // The steps follow as sentences: a capital after the name, and a sentence end after that.
  if (!/^[A-Z]/.test(b.text.slice(bodyStart)) || !/[.!?]/.test(b.text.slice(bodyStart))) return null;
  const first = words[0]!.toLowerCase();
  const last = words[words.length - 1]!.toLowerCase();
  if ((isStepStarter(first) || INSTRUCTION_VERBS.has(first)) && !EXERCISE_NOUNS.has(last)) return null;
  if (isFieldLabel(name)) return null;
  return { text: name, start: b.start, end: b.start + name.length, bodyStart: b.start + bodyStart, field: false };
}

/** "Frequency: twice a day", "Exercise 1: Bridge": a label with a value is a line of content, not a heading. */
function isFieldValueLine(text: string): boolean {
  const label = readLabel(text, 0);
  return label !== null && label.bodyStart < text.length;
}

/** Whether text ends in . ! ? , or ; (before an optional closing quote or bracket), read from the end only. */
function endsWithPunctuation(text: string): boolean {
  let i = text.length - 1;
  if (i >= 0 && `"”’)`.includes(text[i]!)) i--;
  return i >= 0 && ".!?,;".includes(text[i]!);
}

function wordCount(tokens: readonly Token[]): number {
  let n = 0;
  for (const t of tokens) if (t.kind !== "punct") n++;
  return n;
}

/** "1. Seated march" on its own line, its text in a paragraph below: a numbered name, not a step. */
function isItemHeading(b: Block, next: Block | undefined, tokens: Token[], timed: boolean): boolean {
  if (b.kind !== "item" || timed || next === undefined || next.kind !== "paragraph") return false;
  const words = tokens.filter((t) => t.kind !== "punct");
  if (words.length === 0 || words.length > 6) return false;
  // "6. Lower Trunk Rotation": a name in title case may start with a word that is also a step's verb.
  const titleCase = b.text.split(/\s+/).every((w) => /^[A-Z(&/-]/.test(w) || /^(and|or|of|to|the|with|on|in|a)$/.test(w));
  if (isStepStarter(words[0]!.text) && !titleCase) return false;
  return !endsWithPunctuation(b.text);
}

function isHeadingLike(b: Block, tokens: Token[], timed: boolean, index: number): boolean {
  if (b.kind !== "paragraph" || b.lines > 1 || timed) return false;
  const words = tokens.filter((t) => t.kind !== "punct").length;
  if (words === 0) return false;
  const first = tokens.find((t) => t.kind !== "punct");
  const last = b.text.trimEnd().slice(-1);
  const endsPlain = last === "." || last === "!" || last === "?";
  // "How to "Thoracic Rotation with Shoulder Rotation" ?": a first line asking how to do one thing names it.
  const howTo = last === "?" && /^how to\b/i.test(b.text);
  if (index === 0 && words <= 15 && last !== ":" && last !== "!" && (last !== "?" || howTo)) {
    if (!(endsPlain && first && isStepStarter(first.text))) return true;
  }
  // "The seated side stretch", "The cobra": a short name may open with an article.
  const named = (first?.text === "the" || first?.text === "a") && words <= 6 && tokens.some((t) => EXERCISE_NOUNS.has(t.text));
  if (!first || first.kind === "num" || (isStepStarter(first.text) && !named) || /^[a-z]/.test(b.text)) return false;
  if (endsWithPunctuation(b.text)) return false;
  return words <= 12;
}

/** "Name: text" on one line, the name not a field ("Tennis ball squeeze: If your wrist hurts, …"). */
function isNameLine(b: Block): boolean {
  if (b.lines > 1) return false;
  const label = readLabel(b.text, 0);
  return label !== null && !label.field && label.bodyStart < b.text.length;
}

/**
 * A first line written like later lines that each name a movement ("Tennis ball squeeze: If
 * your wrist hurts, …" … "Praying position stretch: Hold this pose …") is the first of them,
 * not the routine's title.
 */
function firstLineLeadsLikeLater(blocks: readonly Block[]): boolean {
  const first = blocks[0];
  if (!first || first.kind !== "paragraph" || !isNameLine(first)) return false;
  return blocks.slice(1).some((b) => b.kind === "paragraph" && isNameLine(b));
}

/**
 * Tokenises and measures each block, and decides which plain lines are really headings; with
 * `asBody`, for parts cut out of a body block, none is (they keep their label reading).
 */
export function readBlockFacts(text: string, blocks: readonly Block[], asBody = false): BlockFacts[] {
  const firstIsLead = firstLineLeadsLikeLater(blocks);
  // One item opening with a short sentence may be a step ("Good form. Keep …"); two or more are a list of named movements.
  const nameSentences = blocks.map(readNameSentence);
  const namedBySentence = nameSentences.filter((n) => n !== null).length >= 2;
  return blocks.map((block, index) => {
    const tokens = tokenize(text, block.start, block.end);
    let quantities = readQuantities(tokens);
    const timed = quantities.some((q) => TIMED_KINDS.has(q.kind));
    const first = tokens.find((t) => t.kind !== "punct");
    let role: BlockFacts["role"] = "body";
    let level = 0;
    if (asBody) {
      // Parts of a body block stay body text.
    } else if (block.kind === "heading") {
      role = "heading";
      level = block.level;
    } else if (isItemHeading(block, blocks[index + 1], tokens, timed)) {
      role = "heading";
      level = 3;
    } else if (isHeadingLike(block, tokens, timed, index) && !((index > 0 || firstIsLead) && isFieldValueLine(block.text))) {
      role = "heading";
      level = index === 0 ? 1 : 2;
    }
    if (role === "heading" && isFieldLabel(trimEnd(block.text, ": \t\n"))) role = "field-heading";
    const label = role === "body" ? (readLabel(block.text, block.start) ?? (namedBySentence ? nameSentences[index]! : null)) : null;
    // "seated figure 4 - 30 sec": a range must not run across the label's dash into the body.
    if (label && quantities.some((q) => q.start < label.end && q.end > label.end)) {
      quantities = [
        ...readQuantities(tokens.filter((t) => t.end <= label.end)),
        ...readQuantities(tokens.filter((t) => t.start >= label.bodyStart)),
      ];
    }
    // "Elapsed Time: 10 to 11 minutes": a length under a label of the routine's own time is not a hold.
    let isTimed = timed;
    if (label?.field && ROUTINE_TIME_LABELS.has(normaliseLabel(label.text))) {
      quantities = quantities.map((q) => (q.kind === "hold" ? { ...q, kind: "other" as const, seconds: null } : q));
      isTimed = quantities.some((q) => TIMED_KINDS.has(q.kind));
    }
    return {
      block,
      tokens,
      quantities,
      timed: isTimed,
      label,
      role,
      level,
      firstWord: first?.text ?? "",
      words: wordCount(tokens),
      index,
    };
  });
}
