import type { Token } from "./tokens.ts";

const UNITS = new Map<string, number>(
  Object.entries({
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
  }),
);
const TENS = new Map<string, number>(
  Object.entries({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 }),
);

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
  if (t.kind === "num") return { value: t.value, next: i + 1 };
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
