import type { BlockFacts } from "./block-facts.ts";
import type { Quantity } from "./quantities.ts";
import { isLead, type ExerciseUnit } from "./sections.ts";
import type { SentenceFacts } from "./sentence-facts.ts";

const HOLDING = new Set(["hold", "breaths"]);
const keyOf = (q: Quantity) => `${q.kind} ${q.range.min}-${q.range.max}`;

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
  const isField = (b: BlockFacts) => b.block.lines === 1 && b.label?.field === true && QUANTITY_FIELDS.test(b.label.text);
  if (!nameLine && !unit.blocks.some(isField)) return sentences;
  // Each sentence's part: the name line, a dose field line, or the steps. Sentences and blocks are both in
  // text order, so one walk finds each sentence's block.
  const roles: Array<"name" | "field" | "step"> = [];
  let b = 0;
  for (const s of sentences) {
    while (b < unit.blocks.length - 1 && unit.blocks[b]!.block.end <= s.start) b++;
    const block = unit.blocks[b]!;
    roles.push(nameLine && block === first ? "name" : isField(block) ? "field" : "step");
  }
  // The name line's holds are checked against everything after it; a field line's against the steps.
  const afterName = new Set<string>();
  const inSteps = new Set<string>();
  sentences.forEach((s, k) => {
    for (const q of s.quantities) {
      if (!HOLDING.has(q.kind)) continue;
      if (roles[k] !== "name") afterName.add(keyOf(q));
      if (roles[k] === "step") inSteps.add(keyOf(q));
    }
  });
  return sentences.map((s, k) => {
    const told = roles[k] === "name" ? afterName : roles[k] === "field" ? inSteps : null;
    const repeated = (q: Quantity) => told !== null && HOLDING.has(q.kind) && told.has(keyOf(q));
    return s.quantities.some(repeated) ? { ...s, quantities: s.quantities.filter((q) => !repeated(q)) } : s;
  });
}

/** Field labels whose line states the dose: "Repetition: 3 x 15 seconds", "Hold: 30 s", "Sets and reps: …". */
const QUANTITY_FIELDS =
  /^(rep|reps|repetition|repetitions|repeat|sets?|sets and reps|hold|holds|hold time|hold for|dosage|dose|prescription|duration|time)$/i;
