import type { BlockFacts } from "./block-facts.ts";
import { findPosition } from "./position.ts";
import { EXERCISE_NOUNS, INSTRUCTION_VERBS, isStepStarter } from "./routine-words.ts";

/** A run of blocks the importer reads as one exercise, named by a heading, a label or its lead words. */
export interface ExerciseUnit {
  /** The heading above the exercise, when it names this exercise alone. */
  heading: BlockFacts | null;
  blocks: BlockFacts[];
  /** A later part of one list of steps: it starts in the position the part before it ended in. */
  continues?: boolean;
}

/** What the section reader found: exercises, and every other block with why it is not one. */
export interface Layout {
  units: ExerciseUnit[];
  others: Array<{ facts: BlockFacts; role: "title" | "heading" | "intro" | "trailing" }>;
}

/** A short timed line that starts with a name ("Child's pose 30s", "Cat-cow x10") or a "Name:" label. */
export function isLead(f: BlockFacts): boolean {
  if (f.role !== "body") return false;
  if (f.label && !f.label.field) return f.timed || f.words - f.label.text.split(/\s+/).length >= 3;
  if (!f.timed || f.words > 15 || f.words === 0) return false;
  const first = f.tokens.find((t) => t.kind !== "punct");
  return first !== undefined && first.kind === "word" && !isStepStarter(first.text);
}

const namesExercise = (f: BlockFacts) => f.tokens.some((t) => EXERCISE_NOUNS.has(t.text));
const startsWithStep = (f: BlockFacts) => f.role === "body" && INSTRUCTION_VERBS.has(f.firstWord);

/** Blocks that carry exercise content: timings, steps, sides, or a field such as "Tip:". */
function carriesExercise(f: BlockFacts): boolean {
  if (f.timed || startsWithStep(f)) return true;
  if (f.label?.field) return true;
  if (f.role === "field-heading") return true;
  return f.tokens.some((t, i) => (t.text === "other" || t.text === "each") && ["side", "leg", "foot"].includes(f.tokens[i + 1]?.text ?? ""));
}

function isExercise(unit: ExerciseUnit): boolean {
  if (unit.blocks.some((b) => b.timed)) return true;
  const titled = unit.heading !== null && unit.heading.index === 0;
  const named = unit.heading ? !titled && namesExercise(unit.heading) : unit.blocks[0]?.label ? namesExercise(unit.blocks[0]) : false;
  return named && unit.blocks.some(startsWithStep);
}

/**
 * Splits a section's paragraphs where a new paragraph starts a fresh timed exercise of its own:
 * it stands after a blank line, names a body position and a hold, and the text before it was
 * already timed. Phases of one exercise written as paragraphs rarely restate the position.
 */
function splitAtFreshStarts(body: readonly BlockFacts[]): BlockFacts[][] {
  const parts: BlockFacts[][] = [[]];
  for (const f of body) {
    const current = parts[parts.length - 1]!;
    const fresh = f.block.kind === "paragraph" && f.block.afterBlank && f.timed && findPosition(f.tokens) !== null && current.some((b) => b.timed);
    if (fresh) parts.push([f]);
    else current.push(f);
  }
  return parts;
}

const HOLDING = new Set(["hold", "breaths"]);
const isComplete = (f: BlockFacts) => f.quantities.some((q) => HOLDING.has(q.kind)) && f.quantities.some((q) => q.kind === "reps" || q.kind === "sets");

/**
 * Splits a list of steps into several exercises when its items each carry their own timing
 * and at least one item is a whole prescription on its own (a hold and its repetitions):
 * each part ends at a timed item; untimed items after the last one stay with it.
 */
function splitAtCompleteItems(blocks: BlockFacts[]): BlockFacts[][] {
  const timedItems = blocks.filter((b) => b.block.kind === "item" && b.timed);
  if (timedItems.length < 2 || !timedItems.some(isComplete)) return [blocks];
  const parts: BlockFacts[][] = [[]];
  for (const b of blocks) {
    parts[parts.length - 1]!.push(b);
    if (b.block.kind === "item" && b.timed) parts.push([]);
  }
  const rest = parts.pop()!;
  for (const b of rest) parts[parts.length - 1]!.push(b);
  return parts;
}

/**
 * Groups blocks into exercises. Headings open sections; inside a section, labelled or short
 * named lines ("Calf stretch: ...", "Child's pose 30s") each open their own exercise; otherwise
 * the whole section is one exercise whose holds become its phases.
 */
export function layOut(facts: readonly BlockFacts[]): Layout {
  const sections: Array<{ heading: BlockFacts | null; body: BlockFacts[] }> = [];
  for (const f of facts) {
    if (f.role === "heading") sections.push({ heading: f, body: [] });
    else if (sections.length === 0) sections.push({ heading: null, body: [f] });
    else sections[sections.length - 1]!.body.push(f);
  }
  const units: ExerciseUnit[] = [];
  const others: Layout["others"] = [];
  const headingRole = () => (units.length === 0 ? "title" : "heading");
  for (const section of sections) {
    const leadAt = section.body.map((f, i) => (isLead(f) ? i : -1)).filter((i) => i >= 0);
    const candidates: Array<{ unit: ExerciseUnit; headingOfSection: boolean }> = [];
    if (leadAt.length === 0) {
      for (const part of splitAtFreshStarts(section.body)) {
        splitAtCompleteItems(part).forEach((blocks, k) => {
          const first = candidates.length === 0;
          candidates.push({ unit: { heading: first ? section.heading : null, blocks, continues: k > 0 }, headingOfSection: first });
        });
      }
    } else {
      const pre = section.body.slice(0, leadAt[0]);
      if (pre.some((b) => b.timed)) {
        splitAtCompleteItems(pre).forEach((blocks, k) => candidates.push({ unit: { heading: k === 0 ? section.heading : null, blocks, continues: k > 0 }, headingOfSection: k === 0 }));
      } else {
        if (section.heading) others.push({ facts: section.heading, role: headingRole() });
        for (const b of pre) others.push({ facts: b, role: units.length === 0 ? "intro" : "trailing" });
      }
      leadAt.forEach((at, k) => {
        const end = leadAt[k + 1] ?? section.body.length;
        candidates.push({ unit: { heading: null, blocks: section.body.slice(at, end) }, headingOfSection: false });
      });
    }
    for (const { unit, headingOfSection } of candidates) {
      if (!isExercise(unit)) {
        if (unit.heading && headingOfSection) others.push({ facts: unit.heading, role: headingRole() });
        for (const b of unit.blocks) others.push({ facts: b, role: units.length === 0 ? "intro" : "trailing" });
        continue;
      }
      let last = unit.blocks.length - 1;
      while (last > 0 && !carriesExercise(unit.blocks[last]!)) last--;
      units.push({ heading: unit.heading, blocks: unit.blocks.slice(0, last + 1), continues: unit.continues === true });
      for (const b of unit.blocks.slice(last + 1)) others.push({ facts: b, role: "trailing" });
    }
  }
  others.sort((a, b) => a.facts.block.start - b.facts.block.start);
  return { units, others };
}
