import { unflatten } from "./flattened.ts";

/** A line-level unit of a routine: a heading, a list item, or a paragraph. */
export interface Block {
  kind: "heading" | "item" | "paragraph";
  /** 1 for a title, larger for sub-headings; 0 for items and paragraphs. */
  level: number;
  /** Plain-text offsets of the block's content, after any list or heading marker. */
  start: number;
  end: number;
  text: string;
  /** The number of a numbered list item or "Step 3", else null. */
  ordinal: number | null;
  /** Lines the block was joined from; a one-line block may be a heading written as plain text. */
  lines: number;
  /** True when a blank line (or the start of the text) comes before the block. */
  afterBlank: boolean;
}

const BULLETS = new Set(["-", "*", "+", "•", "·", "‣", "▪", "◦", "–", "—"]);

interface Marker {
  kind: Block["kind"];
  level: number;
  ordinal: number | null;
  skip: number;
}

/** Words after "5-" that make it a measure, not a numbered name: "5-minute", "2-day", "3-step". */
const NOT_NAMES =
  /^(minutes?|mins?|seconds?|secs?|hours?|days?|weeks?|months?|years?|steps?|parts?|times?|inch|inches|foot|feet|pounds?|lbs?|kg|reps?|sets?|counts?|breaths?|moves?|points?|way|ways|s|x)$/i;

function markerOf(line: string): Marker | null {
  let hashes = 0;
  while (hashes < line.length && line[hashes] === "#") hashes++;
  if (hashes >= 1 && hashes <= 6 && (line[hashes] === " " || hashes === line.length)) {
    return { kind: "heading", level: hashes, ordinal: null, skip: hashes };
  }
  if (BULLETS.has(line[0]!) && (line[1] === " " || line[1] === "\t")) return { kind: "item", level: 0, ordinal: null, skip: 1 };
  const keycap = /^(\d)\uFE0F?\u20E3\s*/.exec(line);
  if (keycap) return { kind: "item", level: 0, ordinal: Number(keycap[1]), skip: keycap[0].length };
  const numbered = /^\(?(\d{1,2})[.)]\s/.exec(line);
  if (numbered) return { kind: "item", level: 0, ordinal: Number(numbered[1]), skip: numbered[0].length };
  // "1-Child's pose", "2 – Mountain pose": a number and a dash before a name; "5-minute stretch" is not one.
  const dashed = /^(\d{1,2})\s?[-–—]\s?([A-Za-z]+)/.exec(line);
  if (dashed && !NOT_NAMES.test(dashed[2]!))
    return { kind: "item", level: 0, ordinal: Number(dashed[1]), skip: dashed[0].length - dashed[2]!.length };
  // "A. Calf stretch", "b) Quad stretch": a lettered item (a capital A–H before a full stop, or a letter before a bracket).
  const lettered = /^(?:([A-H])\.|\(?([a-hA-H])\))\s+(?=[A-Z])/.exec(line);
  if (lettered)
    return { kind: "item", level: 0, ordinal: (lettered[1] ?? lettered[2])!.toLowerCase().charCodeAt(0) - 96, skip: lettered[0].length };
  const step = /^step\s+(\d{1,2})\s*[:.)\-–—]\s*/i.exec(line);
  if (step) return { kind: "item", level: 0, ordinal: Number(step[1]), skip: step[0].length };
  return null;
}

const endsSentence = (s: string) => /[.!?:;"”)]$/.test(s);
const startsLower = (s: string) => /^[a-z]/.test(s);

/** Splits plain text into blocks, joining hard-wrapped lines back into their paragraph or item. */
export function readBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let previousLine = "";
  let blank = true;
  let bulletAbove = false;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let s = lineStart;
    let e = lineEnd;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    const line = text.slice(s, e);
    if (line === "") {
      blank = true;
      previousLine = "";
    } else if (line.length === 1 && BULLETS.has(line)) {
      // "-" on a line of its own, its text on the next (a list copied from a web page): one item.
      bulletAbove = true;
    } else {
      const marker = markerOf(line) ?? (bulletAbove ? { kind: "item" as const, level: 0, ordinal: null, skip: 0 } : null);
      bulletAbove = false;
      const last = blocks[blocks.length - 1];
      const continues =
        marker === null &&
        !blank &&
        last !== undefined &&
        last.kind !== "heading" &&
        startsLower(line) &&
        (last.kind === "item" || (previousLine.length >= 50 && !endsSentence(previousLine)) || /[,;]$/.test(previousLine));
      if (continues && last) {
        last.end = e;
        last.text = text.slice(last.start, e);
        last.lines++;
      } else {
        let cs = s + (marker?.skip ?? 0);
        while (cs < e && /\s/.test(text[cs]!)) cs++;
        if (cs < e) {
          blocks.push({
            kind: marker?.kind ?? "paragraph",
            level: marker?.level ?? 0,
            start: cs,
            end: e,
            text: text.slice(cs, e),
            ordinal: marker?.ordinal ?? null,
            lines: 1,
            afterBlank: blank,
          });
        }
      }
      blank = false;
      previousLine = line;
    }
    lineStart = lineEnd + 1;
  }
  return numberedNamesOverBullets(unflatten(text, blocks));
}

/** A short numbered name ("1. Toe Curls:", "3. Towel Stretch") with no sentence in it. */
const isNumberedName = (b: Block) =>
  b.kind === "item" &&
  b.ordinal !== null &&
  b.text.length <= 50 &&
  b.text.split(/\s+/).length <= 6 &&
  !/[.!?;]$/.test(b.text) &&
  !/\d/.test(b.text);

/**
 * "1. Starting Position:", "4. Switch Sides:", "Return to start": a numbered name for a stage of one
 * movement, so the numbered names around it are its stages, not movements of their own.
 */
const namesAStage = (b: Block) =>
  /^(start(ing)?|set ?up|switch|swap|change|return|finish(ing)?|repeat)\b/i.test(b.text) ||
  /\b(start(ing)?|end(ing)?|finish(ing)?) position\b/i.test(b.text);

/**
 * Numbered names each followed by bulleted steps ("1. Ball Roll" over "- Roll a ball …", "2. Towel
 * Pickup" over "- With the heel …") are the headings of the movements, not items among their steps.
 * Two such names at least, so one numbered line over a list stays an item.
 */
function numberedNamesOverBullets(blocks: Block[]): Block[] {
  const heads = blocks.filter((b, i) => isNumberedName(b) && blocks[i + 1]?.kind === "item" && blocks[i + 1]!.ordinal === null);
  if (heads.length < 2 || heads.some(namesAStage)) return blocks;
  for (const b of heads) {
    b.kind = "heading";
    b.level = 2;
  }
  return blocks;
}
