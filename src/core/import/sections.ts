import { isNumberedLabel, type BlockFacts } from "./block-facts.ts";
import { findPosition } from "./position.ts";
import { isAdvice, isCollectionSetting, isForAll } from "./settings.ts";
import { firstBodyWord, isListed, splitAtCompleteItems, splitAtFreshStarts, splitUnderSetting } from "./section-splits.ts";
import { EXERCISE_NOUNS, INSTRUCTION_VERBS, isStepStarter } from "./routine-words.ts";

/** A run of blocks the importer reads as one exercise, named by a heading, a label or its lead words. */
export interface ExerciseUnit {
  /** The heading above the exercise, when it names this exercise alone. */
  heading: BlockFacts | null;
  blocks: BlockFacts[];
  /** A later part of one list of steps: it starts in the position the part before it ended in. */
  continues?: boolean;
  /** One item of a list whose items are each a movement: it is one even without a time of its own. */
  listed?: boolean;
}

/** What the section reader found: exercises, and every other block with why it is not one. */
export interface Layout {
  units: ExerciseUnit[];
  others: Array<{ facts: BlockFacts; role: "title" | "heading" | "intro" | "trailing" }>;
  /** Blocks that set a hold or repetitions for every exercise ("Hold each stretch for 30 seconds"). */
  settings: BlockFacts[];
}

/** "Calf Stretch" as a list item of its own: a short name with no steps, timing or end punctuation. */
function isNameItem(f: BlockFacts): boolean {
  if (f.block.kind !== "item" || f.timed || f.words === 0 || f.words > 8 || isStepStarter(f.firstWord)) return false;
  return !/[.!?,;:]$/.test(f.block.text.trim());
}

/** Words that may come before a step's verb: "Always keep both shoulders down", "Gently pull …". */
const STEP_ADVERBS = new Set([
  "always",
  "gently",
  "slowly",
  "carefully",
  "now",
  "then",
  "next",
  "first",
  "simply",
  "just",
  "softly",
  "lightly",
  "quickly",
  "finally",
  "lastly",
]);

/** The verb a block's text starts with, past a label and a leading adverb ("Always keep …" → "keep"). */
function leadVerb(f: BlockFacts): string {
  const first = firstBodyWord(f);
  const at = f.tokens.findIndex((t) => t.text === first && (!f.label || t.start >= f.label.bodyStart));
  if (STEP_ADVERBS.has(first)) {
    // "Next, quickly spread …": past one or two adverbs.
    const rest = f.tokens.slice(at + 1, at + 6).filter((t) => t.kind !== "punct");
    return (STEP_ADVERBS.has(rest[0]?.text ?? "") ? rest[1] : rest[0])?.text ?? "";
  }
  // "Using ankle and foot only, trace …", "With your heel on the ground, pick up …": the verb after the opening clause.
  if (LEAD_CLAUSES.has(first)) {
    const comma = f.tokens.slice(at + 1, at + 14).findIndex((t) => t.text === ",");
    if (comma >= 0) return f.tokens.slice(at + comma + 2).find((t) => t.kind !== "punct")?.text ?? "";
  }
  return first;
}

/** Words that open a clause before a step's verb. */
const LEAD_CLAUSES = new Set(["using", "with", "keeping", "placing", "holding", "while", "without", "from", "in"]);

/** A block that reads as a step of a movement: it starts with an instruction or names a body position. */
const describesMovement = (f: BlockFacts) =>
  f.role === "body" && (INSTRUCTION_VERBS.has(leadVerb(f)) || findPosition(f.tokens) !== null || hasStepSentence(f));

const NEGATIONS = new Set(["not", "don't", "never", "avoid"]);

/** A paragraph that opens a movement: it starts with a step or names a body position in its first sentence ("Do not bounce." does not). */
function opensMovement(f: BlockFacts): boolean {
  if (f.role !== "body" || f.tokens.slice(0, 2).some((t) => NEGATIONS.has(t.text))) return false;
  if (INSTRUCTION_VERBS.has(leadVerb(f))) return true;
  const end = f.tokens.findIndex((t) => t.text === "." || t.text === "!" || t.text === "?");
  return findPosition(end < 0 ? f.tokens : f.tokens.slice(0, end)) !== null;
}

/** Whether some sentence of the block after its first starts with an instruction ("… a gentle neck stretch. Begin in a comfortable seat."). */
function hasStepSentence(f: BlockFacts): boolean {
  for (let i = 1; i < f.tokens.length; i++) {
    const before = f.tokens[i - 1]!.text;
    if ((before === "." || before === "!" || before === "?") && INSTRUCTION_VERBS.has(f.tokens[i]!.text)) return true;
  }
  return false;
}

/** Words that lead a time without naming a movement ("Just a minute", "Only 30 seconds"). */
const NOT_NAMES = new Set(["only", "about", "around", "for", "a", "an", "another", "roughly", "approximately", "maybe", "over"]);

const OBJECT_WORDS = new Set(["the", "your", "both", "each", "one"]);

/** A short timed line that starts with a name ("Child's pose 30s", "Cat-cow x10") or a "Name:" label. */
export function isLead(f: BlockFacts): boolean {
  if (f.role !== "body") return false;
  if (f.label && !f.label.field) return f.timed || f.words - f.label.text.split(/\s+/).length >= 3 || isNumberedLabel(f.label.text);
  // "Elapsed Time: 10 to 11 minutes", "Hold: 30 seconds": a field label never opens an exercise.
  if (f.label?.field) return false;
  if (!f.timed || f.words > 15 || f.words === 0) return false;
  const first = f.tokens.find((t) => t.kind !== "punct");
  if (first === undefined || first.kind !== "word" || isStepStarter(first.text)) return false;
  // "Just a minute.", "Only 30 seconds": words before the time that name nothing.
  const named = f.tokens.filter((t) => t.kind === "word" && t.start < (f.quantities[0]?.start ?? Infinity));
  if (named.every((t) => STEP_ADVERBS.has(t.text) || NOT_NAMES.has(t.text))) return false;
  // "Circle the foot one way, then the other. Do this for 20-30 seconds.": sentences that open with an instruction (a verb,
  // or a word before "the"/"your") are steps, not a name.
  const second = f.tokens[f.tokens.indexOf(first) + 1]?.text ?? "";
  const instruction = INSTRUCTION_VERBS.has(first.text) || OBJECT_WORDS.has(second);
  return !(instruction && (f.block.text.match(/[.!?](\s|$)/g) ?? []).length >= 2);
}

const namesExercise = (f: BlockFacts) => f.tokens.some((t) => EXERCISE_NOUNS.has(t.text));

const COLLECTIONS = new Set(["stretches", "stretching", "exercises", "routine", "routines", "workout", "poses", "moves"]);

/** "Spinal twist" as a first line: the name of one movement ("Calf stretch"), not of a collection ("4 Quick Desk Stretches"). */
const namesOneMovement = (f: BlockFacts) =>
  namesExercise(f) && f.tokens[0]?.kind !== "num" && !f.tokens.some((t) => COLLECTIONS.has(t.text)) && f.words <= 6;
const startsWithStep = (f: BlockFacts) => f.role === "body" && INSTRUCTION_VERBS.has(f.label ? f.firstWord : leadVerb(f));

/** Blocks that carry exercise content: timings, steps, sides, or a field such as "Tip:". */
function carriesExercise(f: BlockFacts): boolean {
  if (f.timed || startsWithStep(f) || describesMovement(f)) return true;
  if (f.label?.field) return true;
  if (f.role === "field-heading") return true;
  return f.tokens.some(
    (t, i) => (t.text === "other" || t.text === "each") && ["side", "leg", "foot"].includes(f.tokens[i + 1]?.text ?? ""),
  );
}

/** "Exercise 1: …", "STRETCH TWO – …": a line that numbers one movement. */
const NUMBERED_HEADING = /^(exercise|stretch|move)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*[:.\-–—]/i;

function isExercise(unit: ExerciseUnit, titleMayName = false): boolean {
  if (unit.blocks.some((b) => b.timed)) return true;
  if (unit.listed && ((unit.blocks[0]?.label && !unit.blocks[0].label.field) || isNameItem(unit.blocks[0]!))) return true;
  if (unit.listed && unit.blocks.some((b) => describesMovement(b) || b.tokens.some((t) => INSTRUCTION_VERBS.has(t.text)))) return true;
  // A first line is the routine's title, unless it is a numbered item ("1. Flexor/Extensor Stretch").
  // ("EXERCISE 1: Range of Motion: Alphabet" numbers a movement even as the first line.)
  const numbered = unit.heading !== null && NUMBERED_HEADING.test(unit.heading.block.text);
  const titled = unit.heading !== null && unit.heading.index === 0 && unit.heading.block.kind !== "item" && !titleMayName && !numbered;
  // A heading over steps names a movement even when the text gives it no time or count.
  if (unit.heading && !titled && !isAdvice(unit.heading) && unit.blocks.some(describesMovement)) return true;
  const first = unit.blocks[0];
  // A label line over steps ("Tennis ball squeeze: …" above "Hold a tennis ball …"), or one that numbers an exercise ("Exercise Two: Towel pickup.").
  if (!unit.heading && first?.label && !first.label.field && (unit.blocks.some(describesMovement) || isNumberedLabel(first.label.text)))
    return true;
  const named = unit.heading ? !titled && namesExercise(unit.heading) : unit.blocks[0]?.label ? namesExercise(unit.blocks[0]) : false;
  return named && unit.blocks.some(startsWithStep);
}

/**
 * Groups blocks into exercises. Headings open sections; inside a section, labelled or short
 * named lines ("Calf stretch: ...", "Child's pose 30s") each open their own exercise; otherwise
 * the whole section is one exercise whose holds become its phases.
 */
export function layOut(all: readonly BlockFacts[]): Layout {
  const settings = all.filter((f) => isForAll(f) || isCollectionSetting(f, all.length));
  const holdForAll = settings.some((f) => f.quantities.some((q) => q.kind === "hold" || q.kind === "breaths"));
  const setting = new Set(settings);
  const facts = settings.length === 0 ? all : all.filter((f) => !setting.has(f));
  // A first line that names one movement, followed by further headings that name movements, is
  // the first of them rather than the routine's title.
  const firstNamesMovement =
    facts[0]?.role === "heading" &&
    namesOneMovement(facts[0]) &&
    facts.some((f) => f.role === "heading" && f.index > 0 && namesExercise(f));
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
    const leads = section.body.map((f, i) => (isLead(f) ? i : -1)).filter((i) => i >= 0);
    // Among two or more timed name lines in a list ("DD to plank x3"), a bare name item ("Utkatasana") is a movement too.
    const timedLeads = leads.filter((i) => section.body[i]!.timed).length;
    const nameAmongLeads = (f: BlockFacts) => timedLeads >= 2 && f.block.kind === "item" && isNameItem(f);
    const leadAt = section.body.map((f, i) => (isLead(f) || nameAmongLeads(f) ? i : -1)).filter((i) => i >= 0);
    const candidates: Array<{ unit: ExerciseUnit; headingOfSection: boolean }> = [];
    const nameItems = section.body.filter(isNameItem);
    if (leadAt.length === 0 && nameItems.length >= 2 && !section.body.some((b) => b.block.kind === "item" && !isNameItem(b))) {
      // A list of names only ("1) Calf Stretch", "2) Quadriceps Stretch"): each item is a movement.
      if (section.heading) others.push({ facts: section.heading, role: headingRole() });
      for (const b of section.body) {
        if (isNameItem(b)) units.push({ heading: b, blocks: [b], continues: false });
        else others.push({ facts: b, role: units.length === 0 ? "intro" : "trailing" });
      }
      continue;
    }
    if (leadAt.length === 0) {
      const parts = holdForAll ? splitUnderSetting(section.body, opensMovement) : splitAtFreshStarts(section.body, describesMovement);
      for (const part of parts) {
        splitAtCompleteItems(part).forEach((blocks, k) => {
          const first = candidates.length === 0;
          const listed = isListed(blocks);
          candidates.push({
            unit: { heading: first ? section.heading : null, blocks, continues: k > 0 && !listed, listed },
            headingOfSection: first,
          });
        });
      }
    } else {
      const pre = section.body.slice(0, leadAt[0]);
      // Before the first lead: a movement of the heading's own when timed, or when a heading that is not the title is over steps.
      const headed =
        section.heading !== null &&
        (section.heading.index > 0 || NUMBERED_HEADING.test(section.heading.block.text)) &&
        pre.some(describesMovement);
      // Before a list of two or more movements, timed text that names no movement and no position
      // ("Gently stretch to a point of tension and hold. Hold the stretch for 30 seconds.") is said of all of them.
      const forAllBefore =
        !headed &&
        leadAt.length >= 2 &&
        pre.some((b) => b.timed) &&
        pre.every((b) => b.role === "body" && !b.label && findPosition(b.tokens) === null && !isLead(b));
      if (forAllBefore) {
        if (section.heading) others.push({ facts: section.heading, role: headingRole() });
        for (const b of pre)
          if (b.timed) settings.push(b);
          else others.push({ facts: b, role: units.length === 0 ? "intro" : "trailing" });
      } else if (pre.some((b) => b.timed) || headed) {
        splitAtCompleteItems(pre).forEach((blocks, k) =>
          candidates.push({
            unit: {
              heading: k === 0 ? section.heading : null,
              blocks,
              continues: k > 0 && !isListed(blocks),
              listed: isListed(blocks),
            },
            headingOfSection: k === 0,
          }),
        );
      } else {
        if (section.heading) others.push({ facts: section.heading, role: headingRole() });
        for (const b of pre) others.push({ facts: b, role: units.length === 0 ? "intro" : "trailing" });
      }
      // "1. Crunches – Side to side, …", "2. Press-ups – Chest to floor, …": list items each labelled with a name are movements.
      const labelledItems = leadAt.filter((at) => section.body[at]!.block.kind === "item" && section.body[at]!.label !== null).length;
      leadAt.forEach((at, k) => {
        const end = leadAt[k + 1] ?? section.body.length;
        const listed =
          (labelledItems >= 2 && section.body[at]!.block.kind === "item" && section.body[at]!.label !== null) ||
          nameAmongLeads(section.body[at]!);
        candidates.push({ unit: { heading: null, blocks: section.body.slice(at, end), listed }, headingOfSection: false });
      });
    }
    for (const { unit, headingOfSection } of candidates) {
      if (
        isAdvice(unit.heading) ||
        (unit.heading === null && isAdvice(unit.blocks[0]) && unit.blocks.every((b) => findPosition(b.tokens) === null))
      ) {
        // Advice about stretching in general: its times are settings for every movement, not a movement.
        if (unit.heading && headingOfSection) others.push({ facts: unit.heading, role: headingRole() });
        for (const b of unit.blocks)
          if (b.timed) settings.push(b);
          else others.push({ facts: b, role: units.length === 0 ? "intro" : "trailing" });
        continue;
      }
      if (!isExercise(unit, firstNamesMovement && unit.heading === facts[0])) {
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
  // A text whose only heading is its first line and that holds one movement: the title names it.
  if (
    units.length === 0 &&
    sections.length === 1 &&
    sections[0]!.heading &&
    !isAdvice(sections[0]!.heading) &&
    sections[0]!.body.length > 0
  ) {
    const unit = { heading: sections[0]!.heading, blocks: sections[0]!.body };
    if (isExercise(unit, true)) {
      return { units: [unit], others: [], settings };
    }
  }
  // No heading names a movement, but the text is a run of steps ("STEPS: 1. Kneel on your hands and knees…"): one movement.
  if (units.length === 0) {
    const body = facts.filter((f) => f.role === "body");
    const from = body.findIndex(describesMovement);
    if (from >= 0 && body.slice(from).filter(describesMovement).length >= 2 && !body.some(isAdvice)) {
      const blocks = body.slice(from);
      const keep = new Set(blocks);
      return { units: [{ heading: null, blocks }], others: others.filter((o) => !keep.has(o.facts)), settings };
    }
  }
  others.sort((a, b) => a.facts.block.start - b.facts.block.start);
  return { units, others, settings };
}
