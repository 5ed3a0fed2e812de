import { TENS_WORDS, UNIT_WORDS } from "../words.ts";
import type { Token } from "./tokens.ts";

const UNITS = new Map<string, number>(UNIT_WORDS.map((word, value) => [word, value]));
const TENS = new Map<string, number>(TENS_WORDS.map((word, i) => [word, (i + 2) * 10]));

/** A number read from tokens: its value and the index of the first token after it. */
export interface ReadNumber {
  value: number;
  next: number;
}

/**
 * Reads a number written in digits ("30", "1.5") or words ("three", "forty-five", "a dozen")
 * starting at token i, or answers null.
 */
export function readNumber(tokens: readonly Token[], i: number): ReadNumber | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.kind === "num") {
    // "1½": a whole number with the half glued to it.
    const half = tokens[i + 1];
    if (t.text !== "½" && half?.text === "½" && half.start === t.end) return { value: t.value + 0.5, next: i + 2 };
    return { value: t.value, next: i + 1 };
  }
  if (t.kind !== "word") return null;
  const unitValue = UNITS.get(t.text);
  if (unitValue !== undefined) return { value: unitValue, next: i + 1 };
  const tens = TENS.get(t.text);
  if (tens !== undefined) {
    const dash = tokens[i + 1]?.text === "-" ? 1 : 0;
    const unit = tokens[i + 1 + dash];
    const ones = unit?.kind === "word" ? UNITS.get(unit.text) : undefined;
    if (ones !== undefined && ones > 0 && ones < 10) return { value: tens + ones, next: i + 2 + dash };
    return { value: tens, next: i + 1 };
  }
  if (t.text === "dozen") return { value: 12, next: i + 1 };
  if ((t.text === "a" || t.text === "one") && tokens[i + 1]?.text === "dozen") return { value: 12, next: i + 2 };
  return null;
}
