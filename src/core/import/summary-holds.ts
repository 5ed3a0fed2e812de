import type { BlockFacts } from "./block-facts.ts";
import type { Quantity } from "./quantities.ts";
import { isLead, type ExerciseUnit } from "./sections.ts";
import type { SentenceFacts } from "./sentence-facts.ts";

const HOLDING = new Set(["hold", "breaths"]);
const sameRange = (a: Quantity, b: Quantity) => a.kind === b.kind && a.range.min === b.range.min && a.range.max === b.range.max;

/**
 * "Praying position stretch: Hold this pose for about 30 seconds" over steps that end "Hold this
 * pose for about 30 seconds", "Calf stretch (30 seconds x 2 reps)" over "… Hold for 30 seconds",
 * or "Repetition: 3 x 15 seconds per leg" under steps that held 15 seconds: a hold in a name line
 * or a field line that the steps say too is one hold, a summary of them, not a phase of its own.
 */
export function withoutSummaryHolds(unit: ExerciseUnit, sentences: SentenceFacts[]): SentenceFacts[] {
  if (unit.blocks.length < 2) return sentences;
  const first = unit.blocks[0]!;
  const nameLine = !unit.heading && first.block.lines === 1 && ((first.label !== null && !first.label.field) || isLead(first));
  const fieldLines = unit.blocks.filter((b) => b.block.lines === 1 && b.label?.field === true && QUANTITY_FIELDS.test(b.label.text));
  if (!nameLine && fieldLines.length === 0) return sentences;
  const inBlock = (s: SentenceFacts, b: BlockFacts) => s.start >= b.block.start && s.end <= b.block.end;
  const holdsOf = (keep: (s: SentenceFacts) => boolean) =>
    sentences.filter(keep).flatMap((s) => s.quantities.filter((q) => HOLDING.has(q.kind)));
  // The name line's holds against everything after it; a field line's against the steps (not other field lines).
  const afterName = nameLine ? holdsOf((s) => !inBlock(s, first)) : [];
  const steps = holdsOf((s) => !(nameLine && inBlock(s, first)) && !fieldLines.some((b) => inBlock(s, b)));
  const toldIn = (s: SentenceFacts) => (nameLine && inBlock(s, first) ? afterName : fieldLines.some((b) => inBlock(s, b)) ? steps : null);
  return sentences.map((s) => {
    const told = toldIn(s);
    const repeated = (q: Quantity) => told !== null && HOLDING.has(q.kind) && told.some((l) => sameRange(l, q));
    return s.quantities.some(repeated) ? { ...s, quantities: s.quantities.filter((q) => !repeated(q)) } : s;
  });
}

/** Field labels whose line states the dose: "Repetition: 3 x 15 seconds", "Hold: 30 s", "Sets and reps: …". */
const QUANTITY_FIELDS =
  /^(rep|reps|repetition|repetitions|repeat|sets?|sets and reps|hold|holds|hold time|hold for|dosage|dose|prescription|duration|time)$/i;
