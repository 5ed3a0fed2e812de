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
