/** A sentence's plain-text offsets, trimmed of surrounding spaces. */
export interface Sentence {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  "e.g",
  "i.e",
  "eg",
  "ie",
  "etc",
  "approx",
  "vs",
  "min",
  "mins",
  "sec",
  "secs",
  "no",
  "dr",
  "st",
  "ca",
  "incl",
  "reps",
  "ex",
]);

function wordBefore(text: string, at: number): string {
  let s = at;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  return text.slice(s, at).toLowerCase();
}

const isSpaceCode = (code: number) => code === 32 || (code >= 9 && code <= 13) || code === 160;
const isDigitCode = (code: number) => code >= 48 && code <= 57;
/** . ! ? " ” ’ ) ] — marks that may close a sentence. */
const isCloserCode = (code: number) =>
  code === 46 || code === 33 || code === 63 || code === 34 || code === 0x201d || code === 0x2019 || code === 41 || code === 93;

function pushTrimmed(text: string, out: Sentence[], start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e });
}

/**
 * Splits text[from, to) at sentence ends (. ! ? followed by a space or the end), leaving
 * decimals ("1.5") and common abbreviations ("e.g.", "approx.", "secs.") whole. One pass over
 * character codes, no regular expressions in the loop.
 */
export function splitSentences(text: string, from: number, to: number): Sentence[] {
  const out: Sentence[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63) continue;
    let end = i + 1;
    while (end < to && isCloserCode(text.charCodeAt(end))) end++;
    if (end < to && !isSpaceCode(text.charCodeAt(end))) continue;
    if (c === 46 && isDigitCode(text.charCodeAt(i - 1)) && isDigitCode(text.charCodeAt(i + 1))) continue;
    if (c === 46 && end + 1 < to && ABBREVIATIONS.has(wordBefore(text, i))) {
      const next = text.charCodeAt(end + 1);
      if ((next >= 97 && next <= 122) || isDigitCode(next)) continue;
    }
    pushTrimmed(text, out, start, end);
    start = end;
    i = end - 1;
  }
  pushTrimmed(text, out, start, to);
  return out;
}
