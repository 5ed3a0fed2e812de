import type { Block } from "./blocks.ts";
import { INSTRUCTION_VERBS, isStepStarter, SETUP_OPENERS } from "./routine-words.ts";

/**
 * Text copied from a web page often loses its line breaks: a list becomes one paragraph with
 * "•" in it, and headings run on after the sentence before them ("… swap legs. INCHWORM Stand
 * with your feet together."). These rules give such a paragraph back its structure, so that the
 * sections after it see headings and items as the page had them.
 */

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\u00a0";
const isUpper = (c: string) => c >= "A" && c <= "Z";
const isLower = (c: string) => c >= "a" && c <= "z";

function piece(text: string, kind: Block["kind"], start: number, end: number, afterBlank: boolean): Block | null {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (end <= start) return null;
  return { kind, level: kind === "heading" ? 2 : 0, start, end, text: text.slice(start, end), ordinal: null, lines: 1, afterBlank };
}

/** "… stretches • From standing, … • Keeping your left leg straight, …": a paragraph holding two or more inline bullets. */
function splitInlineBullets(text: string, b: Block): Block[] {
  if (b.kind !== "paragraph") return [b];
  const cuts: number[] = [];
  for (let i = b.start + 1; i < b.end - 1; i++) if (text[i] === "•" && isSpace(text[i - 1]) && isSpace(text[i + 1])) cuts.push(i);
  if (cuts.length < 2) return [b];
  const out: Block[] = [];
  const head = piece(text, "paragraph", b.start, cuts[0]!, b.afterBlank);
  if (head) out.push(head);
  cuts.forEach((at, k) => {
    const item = piece(text, "item", at + 1, cuts[k + 1] ?? b.end, false);
    if (item) out.push(item);
  });
  return out;
}

/**
 * "… Repeat 10 times each leg. 6. Lower Trunk Rotation Lie on back …": numbered items run on in one
 * block. A number counts only when it follows a sentence end, comes before a capital, and goes on
 * from the count before it (the item's own number, or 1 in a paragraph), so stray numbers stay.
 */
function splitInlineNumbers(text: string, b: Block): Block[] {
  if (b.kind === "heading") return [b];
  let expected = b.kind === "item" && b.ordinal !== null ? b.ordinal + 1 : 1;
  const cuts: Array<{ at: number; body: number; n: number }> = [];
  for (let i = b.start + 1; i < b.end - 3; i++) {
    const c = text[i];
    if ((c !== "." && c !== "!" && c !== "?") || !isSpace(text[i + 1])) continue;
    let k = i + 1;
    while (k < b.end && isSpace(text[k])) k++;
    let d = k;
    while (d < b.end && d - k < 2 && text[d]! >= "0" && text[d]! <= "9") d++;
    if (d === k || (text[d] !== "." && text[d] !== ")") || !isSpace(text[d + 1])) continue;
    let body = d + 1;
    while (body < b.end && isSpace(text[body])) body++;
    if (Number(text.slice(k, d)) !== expected || !isUpper(text[body] ?? "")) continue;
    cuts.push({ at: k, body, n: expected });
    expected++;
  }
  // In a paragraph, one number alone may be anything; two in a row are a list.
  if (cuts.length === 0 || (b.kind !== "item" && cuts.length < 2)) return [b];
  const out: Block[] = [];
  const head = piece(text, b.kind, b.start, cuts[0]!.at, b.afterBlank);
  if (head) out.push({ ...head, ordinal: b.ordinal, lines: b.lines });
  cuts.forEach((cut, k) => {
    const item = piece(text, "item", cut.body, cuts[k + 1]?.at ?? b.end, false);
    if (item) out.push({ ...item, ordinal: cut.n });
  });
  return out;
}

/** A word of an inline heading in capitals: "STRETCH:", "INCHWORM", "HIP-FLEXOR". */
function isCapsWord(w: string): boolean {
  const core = w.endsWith(":") ? w.slice(0, -1) : w;
  if (core.length === 0 || !isUpper(core[0]!)) return false;
  for (const c of core) if (!isUpper(c) && c !== "'" && c !== "’" && c !== "&" && c !== "/" && c !== "-") return false;
  return true;
}

/**
 * Where a run-on heading in capitals starts inside a block: right after a sentence end, one to six
 * words in capitals (one of four letters or more), then a sentence in ordinary case. Returns the
 * heading's [start, end) and where the text after it starts, or null.
 */
function findCapsHeading(text: string, b: Block): { start: number; end: number; rest: number } | null {
  for (let i = b.start; i < b.end - 1; i++) {
    const c = text[i];
    if ((c !== "." && c !== "!" && c !== "?") || !isSpace(text[i + 1])) continue;
    let at = i + 1;
    while (at < b.end && isSpace(text[at])) at++;
    let words = 0;
    let long = false;
    let end = at;
    let k = at;
    while (k < b.end && words < 7) {
      let e = k;
      while (e < b.end && !isSpace(text[e])) e++;
      const word = text.slice(k, e);
      if (!isCapsWord(word)) break;
      words++;
      if (word.replace(/[^A-Z]/g, "").length >= 4) long = true;
      end = e;
      k = e;
      while (k < b.end && isSpace(text[k])) k++;
    }
    if (words === 0 || words > 6 || !long) continue;
    // A stray mark between heading and text ("INCHWORM ? Stand …", "QUADS – Stand …").
    let rest = k;
    if ((text[rest] === "?" || text[rest] === "–" || text[rest] === "-") && isSpace(text[rest + 1])) rest += 2;
    if (rest + 1 < b.end && isUpper(text[rest]!) && isLower(text[rest + 1]!)) return { start: at, end, rest };
  }
  return null;
}

function splitCapsHeadings(text: string, b: Block): Block[] {
  if (b.kind === "heading") return [b];
  const out: Block[] = [];
  let current: Block = b;
  for (;;) {
    const h = findCapsHeading(text, current);
    if (!h) break;
    const before = piece(text, current.kind, current.start, h.start, current.afterBlank);
    if (before) out.push({ ...before, ordinal: current.ordinal, lines: current.lines });
    out.push(piece(text, "heading", h.start, h.end, true)!);
    const after = piece(text, "paragraph", h.rest, current.end, true);
    if (!after) return out;
    current = after;
  }
  out.push(current);
  return out;
}

/** Capitalised words that open a step, so one in mid-sentence marks a line break the page lost. */
const STEP_OPENERS = new Set(["with", "keeping", "using", "holding", "starting", "from"]);
const opensStep = (word: string) => {
  const w = word.toLowerCase();
  return INSTRUCTION_VERBS.has(w) || SETUP_OPENERS.has(w) || STEP_OPENERS.has(w);
};

/**
 * Where a run-on name in ordinary case starts in a block: right after a sentence end, one to six
 * words, the first capitalised and the rest in lower case or in brackets, then a capitalised word
 * that opens a step ("… and relax. Knee extension Place a rolled towel …", "… slowly lower. Hip
 * abduction (not for lateral approach) Lying on your back, …"). The name may not open with a
 * step's verb or a function word, so a sentence ("Keep your thigh …", "You should …") is no name.
 */
function findNameRunOn(text: string, b: Block, from: number): { start: number; end: number; rest: number } | null {
  for (let i = from; i < b.end - 1; i++) {
    const c = text[i];
    if ((c !== "." && c !== "!" && c !== "?") || !isSpace(text[i + 1])) continue;
    let at = i + 1;
    while (at < b.end && isSpace(text[at])) at++;
    let words = 0;
    let k = at;
    let bracket = false;
    let found = -1;
    while (k < b.end && words <= 6) {
      let e = k;
      while (e < b.end && !isSpace(text[e])) e++;
      const word = text.slice(k, e);
      if (bracket || word.startsWith("(")) {
        bracket = !word.endsWith(")");
      } else {
        // Words only: a comma, colon or number ends the name ("Hold 5 s, Then …" is no name).
        if (!/^[A-Za-z][A-Za-z'’-]*$/.test(word)) break;
        if (words === 0) {
          if (!isUpper(word[0]!) || !isLower(word[1] ?? "") || opensStep(word) || isStepStarter(word.toLowerCase())) break;
        } else if (isUpper(word[0]!)) {
          if (opensStep(word) && isLower(word[1] ?? "")) found = k;
          break;
        }
        words++;
      }
      k = e;
      while (k < b.end && isSpace(text[k])) k++;
    }
    if (found >= 0 && !bracket) return { start: at, end: trimmedEnd(text, at, found), rest: found };
  }
  return null;
}

const trimmedEnd = (text: string, start: number, end: number) => {
  while (end > start && isSpace(text[end - 1])) end--;
  return end;
};

/**
 * A flattened page whose names ran on into the text after them: with two such names or more in
 * one block, each becomes a heading over the text after it. One alone may be a capital in prose.
 */
function splitNameRunOns(text: string, b: Block): Block[] {
  if (b.kind !== "paragraph") return [b];
  const hits: Array<{ start: number; end: number; rest: number }> = [];
  for (let h = findNameRunOn(text, b, b.start); h; h = findNameRunOn(text, b, h.rest)) hits.push(h);
  if (hits.length < 2) return [b];
  const out: Block[] = [];
  const head = piece(text, b.kind, b.start, hits[0]!.start, b.afterBlank);
  if (head) out.push({ ...head, ordinal: b.ordinal, lines: b.lines });
  hits.forEach((h, n) => {
    out.push(piece(text, "heading", h.start, h.end, true)!);
    const body = piece(text, "paragraph", h.rest, hits[n + 1]?.start ?? b.end, true);
    if (body) out.push(body);
  });
  return out;
}

/**
 * "… Hold for 20 seconds and then swap legs. Stretch: your hip flexors" as an inline bullet: the
 * short unpunctuated words after the item's last sentence are the heading of the items after it.
 */
function splitTrailingHeading(text: string, b: Block): Block[] {
  if (b.kind !== "item") return [b];
  let last = -1;
  for (let i = b.end - 2; i > b.start; i--) {
    if ((text[i] === "." || text[i] === "!" || text[i] === "?") && isSpace(text[i + 1])) {
      last = i + 1;
      break;
    }
  }
  if (last < 0) return [b];
  const tail = text.slice(last, b.end).trim();
  const words = tail.split(/\s+/).length;
  if (words > 6 || !isUpper(tail[0] ?? "") || /[.!?,;]$/.test(tail)) return [b];
  const item = piece(text, "item", b.start, last, b.afterBlank);
  const heading = piece(text, "heading", last, b.end, true);
  return item && heading ? [item, heading] : [b];
}

/** Gives flattened paragraphs back their items, numbered items and headings; other blocks pass through unchanged. */
export function unflatten(text: string, blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const pieces = splitInlineBullets(text, b).flatMap((p) => splitInlineNumbers(text, p));
    const fromBullets = pieces.length > 1;
    pieces.forEach((p, k) => {
      const parts = fromBullets && k < pieces.length - 1 ? splitTrailingHeading(text, p) : [p];
      for (const part of parts) for (const q of splitCapsHeadings(text, part)) for (const r of splitNameRunOns(text, q)) out.push(r);
    });
  }
  return out;
}
