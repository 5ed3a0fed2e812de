import type { Motion } from "../program.ts";
import { distinctMotions, findMotions } from "./motion.ts";
import { findPosition } from "./position.ts";
import type { Quantity } from "./quantities.ts";
import { isBareQuantity, type SentenceFacts } from "./sentence-facts.ts";
import type { Token } from "./tokens.ts";

/** A hold and the sentences that lead up to it. */
export interface PhaseSplit {
  sentences: SentenceFacts[];
  /** The sentence the hold was read from. */
  holdSentence: SentenceFacts | null;
  hold: Quantity | null;
  breaths: Quantity | null;
}

export interface ExerciseSplit {
  setup: SentenceFacts[];
  phases: PhaseSplit[];
  /** Sentences after the last hold, or repeats of a hold for the other side. */
  tail: SentenceFacts[];
}

/** The most holds one exercise may have (the Program schema's limit); later holds stay in the text. */
export const MAX_PHASES = 8;

const THEN_WORDS = new Set(["then", "next", "now", "after", "afterwards", "followed"]);
const HOLDING = new Set(["hold", "breaths"]);

function switchesSide(s: SentenceFacts): boolean {
  return s.tokens.some((t, i) => {
    const next = s.tokens[i + 1]?.text ?? "";
    return (
      ((t.text === "other" || t.text === "opposite") && ["side", "foot", "leg", "one"].includes(next)) ||
      ((t.text === "switch" || t.text === "swap" || t.text === "change") && ["sides", "legs", "feet", "to", "over"].includes(next))
    );
  });
}

const isStartMarker = (s: SentenceFacts) =>
  s.tokens.some((t, i) => (t.text === "start" || t.text === "starting") && s.tokens[i + 1]?.text === "position");

/**
 * Splits an exercise's sentences at its holds: each distinct hold ends a phase. A hold said
 * again for the other side, or a breath count beside a time in the same sentence, is not a new
 * phase. Sentences up to a "start position" line (or else up to the first that names a body
 * position, or the first sentence) are the setup.
 */
export function splitPhases(sentences: readonly SentenceFacts[]): ExerciseSplit {
  const phases: PhaseSplit[] = [];
  const tail: SentenceFacts[] = [];
  let pending: SentenceFacts[] = [];
  let switched = false;
  for (const s of sentences) {
    const holds = s.quantities.filter((q) => HOLDING.has(q.kind));
    if (holds.length === 0) {
      if (switchesSide(s) && phases.length > 0) {
        switched = true;
        for (const x of pending) tail.push(x);
        tail.push(s);
        pending = [];
      } else pending.push(s);
      continue;
    }
    let usedSentence = false;
    let previous: Quantity | null = null;
    let cursor = 0;
    for (const q of holds) {
      const last = phases[phases.length - 1];
      // Words between the previous hold and this one, walking the sentence's tokens once.
      const between: string[] = [];
      while (cursor < s.tokens.length && s.tokens[cursor]!.start < q.start) {
        if (previous && s.tokens[cursor]!.start >= previous.end) between.push(s.tokens[cursor]!.text);
        cursor++;
      }
      if (previous && last && !between.some((w) => THEN_WORDS.has(w))) {
        const widens = between.includes("or") && last.hold?.kind === "hold" && q.kind === "hold" && q.range.max > last.hold.range.max;
        if (widens) {
          last.hold = {
            ...last.hold!,
            range: { min: last.hold!.range.min, max: q.range.max },
            seconds: { min: last.hold!.range.min, max: q.range.max },
            end: q.end,
          };
        } else if (q.kind === "breaths" && !last.breaths) last.breaths = q;
        else if (q.kind === "hold" && last.hold?.kind === "breaths") {
          last.breaths = last.hold;
          last.hold = q;
        }
        previous = q;
        continue;
      }
      const sameAsLast = last?.hold && last.hold.range.min === q.range.min && last.hold.range.max === q.range.max;
      if (last && (q.repeatsHold || (switched && sameAsLast))) {
        previous = q;
        continue;
      }
      if (phases.length >= MAX_PHASES) {
        previous = q;
        continue;
      }
      phases.push({
        sentences: usedSentence ? [] : pending.concat([s]),
        holdSentence: s,
        hold: q,
        breaths: q.kind === "breaths" ? q : null,
      });
      usedSentence = true;
      pending = [];
      switched = false;
      previous = q;
    }
    if (!usedSentence) {
      for (const x of pending) tail.push(x);
      tail.push(s);
    }
    if (!usedSentence) pending = [];
  }
  if (phases.length === 0) {
    return {
      setup: pending.slice(0, 1),
      phases: [{ sentences: pending.slice(1), holdSentence: null, hold: null, breaths: null }],
      tail: [],
    };
  }
  for (const x of pending) tail.push(x);
  const first = phases[0]!;
  const lead = first.sentences;
  const marker = lead.findIndex(isStartMarker);
  const positioned = lead.findIndex((s) => findPosition(s.tokens) !== null);
  const byPosition = positioned >= 0 && positioned < Math.min(3, lead.length - 1) ? positioned + 1 : 1;
  let setupCount = marker >= 0 ? marker + 1 : lead.length >= 2 ? byPosition : lead.length === 1 && lead[0] !== first.holdSentence ? 1 : 0;
  if (setupCount === 0 && lead.length === 1 && !isBareQuantity(lead[0]!)) setupCount = 1;
  const setup = lead.slice(0, setupCount);
  first.sentences = lead.slice(setupCount);
  return { setup, phases, tail };
}

/** Instruction sentences of a phase, without bare "Hold for 30 seconds." lines. */
export function instructionSentences(phase: PhaseSplit): SentenceFacts[] {
  const useful = phase.sentences.filter((s) => !isBareQuantity(s));
  if (useful.length > 0) return useful;
  return phase.holdSentence ? [phase.holdSentence] : phase.sentences.slice(0, 1);
}

/**
 * The motion of each phase: a technical term in the phase's own words wins; otherwise the
 * terms in the exercise name, in order, when there is one per phase; otherwise a hint
 * ("calf", "point your toes") in the phase, then in the name.
 */
export function phaseMotions(
  nameTokens: readonly Token[],
  phaseTokens: ReadonlyArray<readonly Token[]>,
): Array<{ motion: Motion | null; start: number; end: number; confidence: number } | null> {
  const nameMatches = findMotions(nameTokens);
  const nameTerms = distinctMotions(nameMatches.filter((m) => m.explicit));
  const nameHints = distinctMotions(nameMatches);
  return phaseTokens.map((tokens, i) => {
    const own = findMotions(tokens);
    const explicit = own.find((m) => m.explicit);
    if (explicit) return { motion: explicit.motion, start: explicit.start, end: explicit.end, confidence: 0.9 };
    if (nameTerms.length === phaseTokens.length) {
      const m = nameMatches.find((x) => x.explicit && x.motion === nameTerms[i]);
      return { motion: nameTerms[i]!, start: m?.start ?? 0, end: m?.end ?? 0, confidence: 0.8 };
    }
    if (own[0]) return { motion: own[0].motion, start: own[0].start, end: own[0].end, confidence: 0.6 };
    if (phaseTokens.length === 1 && nameHints[0]) {
      const m = nameMatches[0]!;
      return { motion: nameHints[0], start: m.start, end: m.end, confidence: 0.6 };
    }
    return null;
  });
}
