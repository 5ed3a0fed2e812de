/** A sentence's plain-text offsets, trimmed of surrounding spaces. */
export interface Sentence {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(["e.g", "i.e", "eg", "ie", "etc", "approx", "vs", "min", "mins", "sec", "secs", "no", "dr", "st", "ca", "incl", "reps", "ex"]);

function wordBefore(text: string, at: number): string {
  let s = at;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  return text.slice(s, at).toLowerCase();
}

/**
 * Splits text[from, to) at sentence ends (. ! ? followed by a space or the end), leaving
 * decimals ("1.5") and common abbreviations ("e.g.", "approx.", "secs.") whole.
 */
export function splitSentences(text: string, from: number, to: number): Sentence[] {
  const out: Sentence[] = [];
  let start = from;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c !== "." && c !== "!" && c !== "?") continue;
    let end = i + 1;
    while (end < to && /[.!?"”’)\]]/.test(text[end]!)) end++;
    if (end < to && !/\s/.test(text[end]!)) continue;
    if (c === "." && /\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? "")) continue;
    if (c === "." && ABBREVIATIONS.has(wordBefore(text, i)) && end < to && /[a-z0-9]/.test(text[end + 1] ?? "")) continue;
    push(end);
    start = end;
    i = end - 1;
  }
  push(to);
  return out;
}
