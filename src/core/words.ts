/**
 * English words for counts, through Intl.PluralRules, so "1 second" and "2 seconds" come from one
 * place. Irregular plurals are given; regular ones add "s".
 */
const rules = new Intl.PluralRules("en");

/** "second" -> "seconds" for 2, "second" for 1. */
export function plural(n: number, one: string, other = `${one}s`): string {
  return rules.select(n) === "one" ? one : other;
}

/** "1 hold", "25 holds", "1 day", "3 days". */
export function count(n: number, one: string, other = `${one}s`): string {
  return `${n} ${plural(n, one, other)}`;
}

/** The English number words from zero to nineteen, each at its own value. */
export const UNIT_WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
] as const;

/** The tens from twenty to ninety: the word for (i + 2) × 10 at index i. */
export const TENS_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"] as const;

/** n in words up to `wordsUpTo` ("five", "twenty-one"), and in digits past it or when not a whole number. */
export function inWords(n: number, wordsUpTo = 99): string {
  if (!Number.isInteger(n) || n < 0 || n > Math.min(wordsUpTo, 99)) return String(n);
  if (n < 20) return UNIT_WORDS[n]!;
  const unit = n % 10;
  return `${TENS_WORDS[Math.floor(n / 10) - 2]}${unit === 0 ? "" : `-${UNIT_WORDS[unit]}`}`;
}
