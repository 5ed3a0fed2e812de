import { OriginMap } from "./origin-map.ts";

/**
 * Plain text cut out of HTML or markdown, with the offset in the original input of every
 * character kept, so spans found in the plain text can point back at what the user gave.
 */
export interface PlainText {
  text: string;
  origin: OriginMap;
}

const BLOCK_TAGS = new Set([
  "p",
  "div",
  "section",
  "article",
  "header",
  "footer",
  "main",
  "aside",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "table",
  "tr",
  "td",
  "th",
  "blockquote",
  "pre",
  "figure",
  "figcaption",
  "nav",
  "form",
  "hr",
  "body",
  "html",
]);
const SKIP_CONTENT_TAGS = new Set(["script", "style", "head", "noscript", "template", "svg"]);

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
  hellip: "…",
  times: "×",
  frac12: "½",
  deg: "°",
  bull: "•",
  middot: "·",
};

class Builder {
  parts: string[] = [];
  length = 0;
  readonly origin: OriginMap;
  constructor(inputLength: number) {
    this.origin = new OriginMap(inputLength);
  }
  /** Appends characters that all map to one input offset (a decoded entity, a synthetic marker). */
  push(chars: string, at: number): void {
    if (chars.length === 0) return;
    this.parts.push(chars);
    this.origin.add(this.length, at, false);
    this.length += chars.length;
  }
  /** Appends source[from, to) unchanged, each character keeping its own origin (`map` null: the input itself). */
  copy(source: string, from: number, to: number, map: OriginMap | null): void {
    if (to <= from) return;
    this.parts.push(source.slice(from, to));
    if (map === null) this.origin.add(this.length, from, true);
    else map.copyInto(this.origin, this.length, from, to);
    this.length += to - from;
  }
  done(): PlainText {
    return { text: this.parts.join(""), origin: this.origin };
  }
}

/** Whether the input reads as HTML rather than plain text or markdown. */
export function looksLikeHtml(input: string): boolean {
  let from = 0;
  for (let n = 0; n < 200; n++) {
    const lt = input.indexOf("<", from);
    if (lt < 0) return false;
    const name = tagNameAt(input, lt);
    if (name !== null && (BLOCK_TAGS.has(name) || /^(h[1-6]|li|br|span|strong|em|b|i|a|img|meta|title)$/.test(name))) return true;
    from = lt + 1;
  }
  return false;
}

function tagNameAt(input: string, lt: number): string | null {
  let i = lt + 1;
  if (input[i] === "/") i++;
  const start = i;
  while (i < input.length && i - start < 12 && /[a-zA-Z0-9]/.test(input[i]!)) i++;
  if (i === start || !/[a-zA-Z]/.test(input[start]!)) return null;
  const next = input[i];
  if (next !== undefined && next !== ">" && next !== "/" && !/\s/.test(next)) return null;
  return input.slice(start, i).toLowerCase();
}

function decodeEntityAt(input: string, amp: number): { chars: string; length: number } | null {
  const semi = input.indexOf(";", amp);
  if (semi < 0 || semi - amp > 10) return null;
  const body = input.slice(amp + 1, semi);
  let chars: string | undefined;
  if (/^#\d{1,7}$/.test(body)) chars = safeCodePoint(Number(body.slice(1)));
  else if (/^#x[0-9a-fA-F]{1,6}$/.test(body)) chars = safeCodePoint(parseInt(body.slice(2), 16));
  else chars = Object.hasOwn(ENTITIES, body.toLowerCase()) ? ENTITIES[body.toLowerCase()] : undefined;
  return chars === undefined ? null : { chars, length: semi - amp + 1 };
}

function safeCodePoint(n: number): string | undefined {
  return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : undefined;
}

function afterClosingTag(input: string, name: string, from: number): number {
  let at = input.indexOf("</", from);
  while (at >= 0) {
    if (tagNameAt(input, at) === name) {
      const gt = input.indexOf(">", at);
      return gt < 0 ? input.length : gt + 1;
    }
    at = input.indexOf("</", at + 2);
  }
  return input.length;
}

/** Turns HTML into lines: block tags become line breaks, headings "#" lines, list items "-" lines. */
function htmlToLines(input: string): PlainText {
  const out = new Builder(input.length);
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (c === "<") {
      if (input.startsWith("<!--", i)) {
        const close = input.indexOf("-->", i + 4);
        i = close < 0 ? input.length : close + 3;
        continue;
      }
      const name = tagNameAt(input, i);
      const gt = name === null ? -1 : input.indexOf(">", i);
      if (name === null || gt < 0) {
        if (input[i + 1] === "!" || input[i + 1] === "?") {
          const end = input.indexOf(">", i);
          i = end < 0 ? input.length : end + 1;
          continue;
        }
        out.push("<", i);
        i++;
        continue;
      }
      const closing = input[i + 1] === "/";
      if (!closing && SKIP_CONTENT_TAGS.has(name)) {
        i = afterClosingTag(input, name, gt + 1);
        continue;
      }
      const heading = /^h([1-6])$/.exec(name);
      if (heading && !closing) out.push(`\n${"#".repeat(Number(heading[1]))} `, i);
      else if (name === "li" && !closing) out.push("\n- ", i);
      else if (heading || name === "li" || name === "br" || BLOCK_TAGS.has(name)) out.push("\n", i);
      i = gt + 1;
      continue;
    }
    if (c === "&") {
      const entity = decodeEntityAt(input, i);
      if (entity) {
        out.push(entity.chars === " " ? " " : entity.chars, i);
        i += entity.length;
        continue;
      }
    }
    let j = i + 1;
    while (j < input.length) {
      const d = input.charCodeAt(j);
      if (d === 60 || d === 38 || d === 10 || d === 13 || d === 9) break; // < & \n \r \t
      j++;
    }
    if (c === "\n" || c === "\r" || c === "\t") out.push(" ", i);
    else out.copy(input, i, i + 1, null);
    out.copy(input, i + 1, j, null);
    i = j;
  }
  return out.done();
}

function identity(input: string): PlainText {
  const origin = new OriginMap(input.length);
  origin.add(0, 0, true);
  return { text: input, origin };
}

const LIST_MARKERS = new Set(["-", "*", "+", "•", "·", "‣", "▪", "◦", "–", "—"]);

/**
 * Drops markdown's inline markers (emphasis, code ticks, link targets, quote marks at line
 * starts) while keeping line structure, list markers and heading hashes for the block reader.
 */
function dropInlineMarkdown(source: PlainText): PlainText {
  const { text, origin } = source;
  const out = new Builder(origin.originOf(Infinity));
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const at = origin.originOf(i, text.length);
    if (c === "\n") {
      out.push("\n", at);
      lineStart = true;
      continue;
    }
    if (c === "\r") continue;
    if (lineStart) {
      if (c === " " || c === "\t" || c === ">") continue;
      if (c === "|") {
        // A markdown table: drop its |---| rule rows and the leading pipe of the others.
        const lineEnd = text.indexOf("\n", i) < 0 ? text.length : text.indexOf("\n", i);
        if (isTableRule(text, i, lineEnd)) {
          i = lineEnd; // the rule row and its line break
          continue;
        }
        continue;
      }
      lineStart = false;
      if (LIST_MARKERS.has(c) && (text[i + 1] === " " || text[i + 1] === "\t")) {
        out.push(c, at);
        out.copy(text, i + 1, i + 2, origin);
        i++;
        lineStart = true;
        continue;
      }
      if (/^\d{1,2}[.)]$/.test(text.slice(i, i + 2)) || /^\d{1,2}[.)]$/.test(text.slice(i, i + 3))) {
        const end = text[i + 1] === "." || text[i + 1] === ")" ? i + 2 : i + 3;
        if (text[end] === " ") {
          out.copy(text, i, end + 1, origin);
          i = end;
          lineStart = true;
          continue;
        }
      }
      const bold = boldLeadEnd(text, i);
      if (bold) {
        // "**Low lunge.** From kneeling..." reads as the label "Low lunge:".
        out.copy(text, i + 2, bold.innerEnd, origin);
        out.push(": ", origin.originOf(bold.innerEnd, text.length));
        i = bold.after - 1;
        continue;
      }
    }
    if (isPlainChar(c.charCodeAt(0))) {
      let j = i + 1;
      while (j < text.length && isPlainChar(text.charCodeAt(j))) j++;
      out.copy(text, i, j, origin);
      i = j - 1;
      continue;
    }
    if (c === "|") {
      // Table cells read as labelled parts of one line: "Calf stretch – 30 s – 2".
      let end = i + 1;
      while (end < text.length && (text[end] === " " || text[end] === "\t")) end++;
      if (end >= text.length || text[end] === "\n") {
        i = end - 1;
        continue;
      }
      out.push(" – ", at);
      continue;
    }
    if (c === "*" || c === "`" || (c === "~" && text[i + 1] === "~")) {
      if (c === "~") i++;
      continue;
    }
    if (c === "_" && (!isWordChar(text[i - 1]) || !isWordChar(text[i + 1]))) continue;
    if (c === "!" && text[i + 1] === "[") continue;
    if (c === "[" || c === "]") {
      if (c === "]" && text[i + 1] === "(") {
        const close = text.indexOf(")", i + 2);
        const newline = text.indexOf("\n", i + 2);
        if (close >= 0 && (newline < 0 || close < newline)) i = close;
      }
      continue;
    }
    out.push(c === "\u00a0" || c === "\t" ? " " : c, at);
  }
  return out.done();
}

/**
 * A bold run opening a line and followed by more text ("**Bridge** – lie on..."): where its
 * words end (without trailing "." or ":") and where the rest of the line begins.
 */
function boldLeadEnd(text: string, i: number): { innerEnd: number; after: number } | null {
  const mark = text.slice(i, i + 2);
  if (mark !== "**" && mark !== "__") return null;
  const close = text.indexOf(mark, i + 2);
  const newline = text.indexOf("\n", i);
  if (close < 0 || close - i > 90 || (newline >= 0 && close > newline)) return null;
  let after = close + 2;
  while (
    after < text.length &&
    (text[after] === " " || text[after] === "." || text[after] === ":" || text[after] === "–" || text[after] === "—" || text[after] === "-")
  )
    after++;
  if (after >= text.length || text[after] === "\n" || (after === close + 2 && /[\p{L}\p{N}]/u.test(text[after] ?? ""))) return null;
  let innerEnd = close;
  while (innerEnd > i + 2 && /[\s.:]/.test(text[innerEnd - 1]!)) innerEnd--;
  return innerEnd > i + 2 ? { innerEnd, after } : null;
}

/** Characters that pass through markdown stripping unchanged: everything but markers and line ends. */
function isPlainChar(code: number): boolean {
  // \n \r * ` ~ _ ! [ ] | and no-break space
  return (
    code !== 10 &&
    code !== 13 &&
    code !== 42 &&
    code !== 96 &&
    code !== 126 &&
    code !== 95 &&
    code !== 33 &&
    code !== 91 &&
    code !== 93 &&
    code !== 160 &&
    code !== 9 &&
    code !== 124
  );
}

/** A markdown table's rule row: only pipes, dashes, colons and spaces. */
function isTableRule(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!"|-: \t\r".includes(text[k]!)) return false;
  return text.slice(from, to).includes("-");
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** Strips HTML tags and markdown markers from any text, keeping each character's input offset. */
export function stripMarkup(input: string): PlainText {
  const lines = looksLikeHtml(input) ? htmlToLines(input) : identity(input);
  return dropInlineMarkdown(lines);
}

/** The input span [start, end) of plain-text span [from, to). */
export function inputSpan(plain: PlainText, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = plain.origin.originOf(from, plain.text.length);
    return { start: at, end: at };
  }
  return { start: plain.origin.originOf(from, plain.text.length), end: plain.origin.originOf(to - 1, plain.text.length) + 1 };
}
