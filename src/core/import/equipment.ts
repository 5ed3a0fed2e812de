import type { Token } from "./tokens.ts";

export interface EquipmentMatch {
  /** Canonical kind used to compare, e.g. "strap". */
  kind: string;
  start: number;
  end: number;
  alternatives: Array<{ kind: string; start: number; end: number }>;
  optional: boolean;
}

interface Entry {
  words: string[];
  kind: string;
  /** Words that are also verbs or body parts count only after "a", "the", "your"... */
  needsArticle?: boolean;
}

const ENTRIES: Entry[] = [
  { words: ["stretch", "strap"], kind: "strap" },
  { words: ["stretching", "strap"], kind: "strap" },
  { words: ["yoga", "strap"], kind: "strap" },
  { words: ["strap"], kind: "strap" },
  { words: ["towel"], kind: "towel" },
  { words: ["belt"], kind: "belt" },
  { words: ["dog", "leash"], kind: "leash" },
  { words: ["resistance", "band"], kind: "band" },
  { words: ["exercise", "band"], kind: "band" },
  { words: ["loop", "band"], kind: "band" },
  { words: ["theraband"], kind: "band" },
  { words: ["band"], kind: "band", needsArticle: true },
  { words: ["wall"], kind: "wall" },
  { words: ["chair"], kind: "chair" },
  { words: ["stool"], kind: "chair" },
  { words: ["bench"], kind: "bench" },
  { words: ["step"], kind: "step", needsArticle: true },
  { words: ["stair"], kind: "step" },
  { words: ["stairs"], kind: "step" },
  { words: ["door", "frame"], kind: "door" },
  { words: ["doorframe"], kind: "door" },
  { words: ["doorway"], kind: "door" },
  { words: ["door"], kind: "door", needsArticle: true },
  { words: ["countertop"], kind: "counter" },
  { words: ["counter"], kind: "counter", needsArticle: true },
  { words: ["kitchen", "counter"], kind: "counter" },
  { words: ["table"], kind: "table", needsArticle: true },
  { words: ["railing"], kind: "rail" },
  { words: ["rail"], kind: "rail", needsArticle: true },
  { words: ["foam", "roller"], kind: "foam roller" },
  { words: ["tennis", "ball"], kind: "ball" },
  { words: ["golf", "ball"], kind: "ball" },
  { words: ["lacrosse", "ball"], kind: "ball" },
  { words: ["massage", "ball"], kind: "ball" },
  { words: ["ball"], kind: "ball", needsArticle: true },
  { words: ["yoga", "mat"], kind: "mat" },
  { words: ["exercise", "mat"], kind: "mat" },
  { words: ["mat"], kind: "mat", needsArticle: true },
  { words: ["pillow"], kind: "pillow" },
  { words: ["cushion"], kind: "pillow" },
  { words: ["blanket"], kind: "blanket" },
  { words: ["yoga", "block"], kind: "block" },
  { words: ["block"], kind: "block", needsArticle: true },
  { words: ["book"], kind: "book", needsArticle: true },
  { words: ["water", "bottle"], kind: "bottle" },
  { words: ["bottle"], kind: "bottle", needsArticle: true },
  { words: ["dumbbell"], kind: "weight" },
  { words: ["marbles"], kind: "marbles" },
  { words: ["bed"], kind: "bed", needsArticle: true },
];

/** Entries by their first word (and its plural), so each token is checked against few entries. */
const BY_FIRST_WORD = new Map<string, Entry[]>();
for (const entry of ENTRIES) {
  for (const key of [entry.words[0]!, `${entry.words[0]!}s`]) {
    const list = BY_FIRST_WORD.get(key) ?? [];
    list.push(entry);
    BY_FIRST_WORD.set(key, list);
  }
}

const ARTICLES = new Set([
  "a",
  "an",
  "the",
  "your",
  "one",
  "in",
  "sturdy",
  "small",
  "low",
  "bottom",
  "thick",
  "folded",
  "rolled",
  "long",
  "stable",
  "firm",
  "soft",
  "light",
]);
const NOT_AFTER = new Set(["of"]); // "the ball of your foot", "the step of the routine"

function matchAt(tokens: readonly Token[], i: number, bare = false): { entry: Entry; next: number } | null {
  const t = tokens[i];
  if (!t || t.kind !== "word") return null;
  const entries = BY_FIRST_WORD.get(t.text);
  if (entries === undefined) return null;
  for (const entry of entries) {
    if (!entry.words.every((w, k) => tokens[i + k]?.text === w || tokens[i + k]?.text === `${w}s`)) continue;
    const next = i + entry.words.length;
    if (NOT_AFTER.has(tokens[next]?.text ?? "")) continue;
    if (entry.needsArticle && !bare && !ARTICLES.has(tokens[i - 1]?.text ?? "")) continue;
    if (entry.kind === "step" && tokens[next]?.kind === "num") continue;
    return { entry, next };
  }
  return null;
}

/**
 * The equipment the tokens name, once per kind, in order of first mention. "X (or Y)" and
 * "X or Y" make Y an alternative to X; "(optional)" or "if you have one" marks it optional.
 */
export function findEquipment(tokens: readonly Token[]): EquipmentMatch[] {
  const found: EquipmentMatch[] = [];
  const kinds = new Set<string>();
  let i = 0;
  while (i < tokens.length) {
    const m = matchAt(tokens, i);
    if (!m) {
      i++;
      continue;
    }
    const first = tokens[i]!;
    const match: EquipmentMatch = {
      kind: m.entry.kind,
      start: first.start,
      end: tokens[m.next - 1]!.end,
      alternatives: [],
      optional: false,
    };
    let j = m.next;
    // Alternatives: "(or a towel)", "or a belt", "/ towel".
    for (;;) {
      let k = j;
      if (tokens[k]?.text === "(" || tokens[k]?.text === ",") k++;
      if (tokens[k]?.text !== "or" && tokens[k]?.text !== "/") break;
      k++;
      while (ARTICLES.has(tokens[k]?.text ?? "")) k++;
      const alt = matchAt(tokens, k, true);
      if (!alt) break;
      const altEnd = k + alt.entry.words.length;
      if (alt.entry.kind !== match.kind)
        match.alternatives.push({ kind: alt.entry.kind, start: tokens[k]!.start, end: tokens[altEnd - 1]!.end });
      kinds.add(alt.entry.kind);
      j = tokens[altEnd]?.text === ")" ? altEnd + 1 : altEnd;
    }
    const after = tokens
      .slice(j, j + 6)
      .map((t) => t.text)
      .join(" ");
    if (/^[(,]?\s*(optional|if you have (one|it)|if available)/.test(after)) match.optional = true;
    const earlier = found.find((f) => f.kind === match.kind);
    if (earlier) {
      // A later, fuller mention ("stretch strap (or towel)") completes an earlier bare one ("Strap").
      if (match.end - match.start > earlier.end - earlier.start) [earlier.start, earlier.end] = [match.start, match.end];
      for (const alt of match.alternatives) if (!earlier.alternatives.some((a) => a.kind === alt.kind)) earlier.alternatives.push(alt);
      earlier.optional ||= match.optional;
    } else if (!kinds.has(match.kind)) {
      kinds.add(match.kind);
      found.push(match);
    }
    i = j;
  }
  return found;
}
