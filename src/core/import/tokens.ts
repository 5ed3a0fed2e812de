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

function isLetterCode(text: string, i: number, code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER.test(text[i]!);
}

function isSpaceCode(text: string, i: number, code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return SPACE.test(text[i]!);
}

const isDigitCode = (code: number) => code >= 48 && code <= 57;
const isApostropheCode = (code: number) => code === 39 || code === 0x2019;

/**
 * Splits text into tokens in one pass over character codes. Letters and digits never share a
 * token, so "30s", "x10" and "2-3x" come apart into the number and unit pieces the quantity
 * reader expects. A run of the same punctuation mark is one token.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (isDigitCode(code)) {
      let j = i + 1;
      while (j < to && isDigitCode(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === 46 && j + 1 < to && isDigitCode(text.charCodeAt(j + 1))) {
        j++;
        while (j < to && isDigitCode(text.charCodeAt(j))) j++;
      }
      const digits = text.slice(i, j);
      tokens.push({ kind: "num", text: digits, value: Number(digits), start: i, end: j });
      i = j;
    } else if (code === 0xbd) {
      tokens.push({ kind: "num", text: "½", value: 0.5, start: i, end: i + 1 });
      i++;
    } else if (isLetterCode(text, i, code)) {
      let j = i + 1;
      let curly = false;
      let lower = code >= 97 && code <= 122;
      while (j < to) {
        const c = text.charCodeAt(j);
        if (isLetterCode(text, j, c)) {
          if (c < 97 || c > 122) lower = false;
          j++;
        } else if (isApostropheCode(c) && j + 1 < to && isLetterCode(text, j + 1, text.charCodeAt(j + 1))) {
          if (c === 0x2019) curly = true;
          j += 2;
        } else break;
      }
      // Most words are already lower case; lower-casing only the others saves a string per word.
      const slice = text.slice(i, j);
      const word = lower ? slice : slice.toLowerCase();
      tokens.push({ kind: "word", text: curly ? word.replaceAll("’", "'") : word, value: NaN, start: i, end: j });
      i = j;
    } else if (isSpaceCode(text, i, code)) {
      i++;
    } else {
      const width = code >= 0xd800 && code <= 0xdbff && i + 1 < to ? 2 : 1;
      // A run of one mark ("----", "...") is one token spanning the run, read as the mark itself.
      let j = i + width;
      if (width === 1) while (j < to && text.charCodeAt(j) === code) j++;
      tokens.push({ kind: "punct", text: text.slice(i, i + width), value: NaN, start: i, end: j });
      i = j;
    }
  }
  return tokens;
}
