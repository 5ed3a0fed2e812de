import type { Token } from "./tokens.ts";

const GROW = new Set([
  "add",
  "adding",
  "increase",
  "increasing",
  "build",
  "building",
  "lengthen",
  "lengthening",
  "extend",
  "extending",
  "progress",
  "progressing",
  "work",
  "working",
  "longer",
  "grow",
]);
const TIME = new Set(["time", "hold", "holds", "holding", "seconds", "second", "duration", "longer", "minutes", "minute", "stretch", "up"]);

/**
 * Whether a sentence asks for holds to grow over time ("gradually add time", "build up to a
 * minute", "hold a little longer each week"): answers the span of the asking words, or null.
 */
export function findTimeGrowth(tokens: readonly Token[]): { start: number; end: number } | null {
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!.text;
    if (!GROW.has(w)) continue;
    if (w === "work" || w === "working" || w === "build" || w === "building") {
      if (tokens[i + 1]?.text !== "up") continue;
    }
    if (w === "longer") {
      const prev = tokens[i - 1]?.text ?? "";
      if (["hold", "it", "little", "bit", "stay", "them", "stretch", "slightly"].includes(prev))
        return { start: tokens[i - 1]!.start, end: tokens[i]!.end };
      continue;
    }
    for (let k = i + 1; k < Math.min(tokens.length, i + 6); k++) {
      if (TIME.has(tokens[k]!.text)) {
        const from = tokens[i - 1]?.text === "gradually" || tokens[i - 1]?.text === "slowly" ? i - 1 : i;
        return { start: tokens[from]!.start, end: tokens[k]!.end };
      }
      if ([".", "!", "?", ";"].includes(tokens[k]!.text)) break;
    }
  }
  return null;
}
