/** A word, a number, or one punctuation mark, with its plain-text offsets. */
export interface Token {
  kind: "word" | "num" | "punct";
  /** Lower-cased for words; the mark itself for punctuation. */
  text: string;
  /** The numeric value of a "num" token, else NaN. */
  value: number;
  start: number;
  end: number;
}

const LETTER = /\p{L}/u;
const SPACE = /\s/;
function isLetter(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER.test(c);
}
function isSpace(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return SPACE.test(c);
}
const isDigit = (c: string) => c >= "0" && c <= "9";
const isApostrophe = (c: string) => c === "'" || c === "’";

/**
 * Splits text into tokens in one pass. Letters and digits never share a token, so "30s",
 * "x10" and "2-3x" come apart into the number and unit pieces the quantity reader expects.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text[i]!;
    if (isDigit(c)) {
      let j = i + 1;
      while (j < to && isDigit(text[j]!)) j++;
      if ((text[j] === "." || text[j] === ",") && j + 1 < to && isDigit(text[j + 1]!) && text[j] === ".") {
        j++;
        while (j < to && isDigit(text[j]!)) j++;
      }
      tokens.push({ kind: "num", text: text.slice(i, j), value: Number(text.slice(i, j)), start: i, end: j });
      i = j;
    } else if (c === "½") {
      tokens.push({ kind: "num", text: c, value: 0.5, start: i, end: i + 1 });
      i++;
    } else if (isLetter(c)) {
      let j = i + 1;
      while (j < to && (isLetter(text[j]!) || (isApostrophe(text[j]!) && j + 1 < to && isLetter(text[j + 1]!)))) j++;
      const word = text.slice(i, j).toLowerCase();
      tokens.push({ kind: "word", text: word.includes("’") ? word.replaceAll("’", "'") : word, value: NaN, start: i, end: j });
      i = j;
    } else if (isSpace(c)) {
      i++;
    } else {
      const code = c.codePointAt(0)!;
      const width = code > 0xffff ? 2 : 1;
      tokens.push({ kind: "punct", text: text.slice(i, i + width), value: NaN, start: i, end: i + width });
      i += width;
    }
  }
  return tokens;
}
