import { trimEnd } from "./block-facts.ts";
import type { DraftGlossaryTerm, Span } from "./draft.ts";
import { findMotions } from "./motion.ts";
import type { Token } from "./tokens.ts";

const DEFINING = new Set(["is", "means", "refers", "describes"]);

/**
 * Definitions of foot motions ("Eversion is ...", "Inversion refers to ...") in a block, each
 * with the sentence that follows when that sentence says where the body's weight falls.
 */
export function findDefinitions(text: string, tokens: readonly Token[], blockEnd: number): DraftGlossaryTerm[] {
  const starts: Array<{ at: number; termEnd: number; motion: DraftGlossaryTerm["motion"]; term: string }> = [];
  for (const m of findMotions(tokens)) {
    if (!m.explicit) continue;
    const next = tokens.find((t) => t.start >= m.end);
    if (!next || !DEFINING.has(next.text)) continue;
    starts.push({ at: m.start, termEnd: m.end, motion: m.motion, term: text.slice(m.start, m.end) });
  }
  const sentenceEnd = (from: number, limit: number) => {
    for (let i = from; i < limit; i++) {
      if (/[.!?]/.test(text[i]!) && (i + 1 >= limit || /\s/.test(text[i + 1]!))) return i + 1;
    }
    return limit;
  };
  return starts.map((d, k) => {
    const limit = starts[k + 1]?.at ?? blockEnd;
    const meaningEnd = sentenceEnd(d.termEnd, limit);
    const meaningSpan: Span = { start: d.at, end: meaningEnd };
    let weight: DraftGlossaryTerm["weight"] = null;
    let ws = meaningEnd;
    while (ws < limit && /\s/.test(text[ws]!)) ws++;
    const we = sentenceEnd(ws, limit);
    const weightText = trimEnd(text.slice(ws, we), " \t\n\r,;");
    if (/\bweight\b/i.test(weightText)) weight = { value: weightText, span: { start: ws, end: ws + weightText.length }, confidence: 0.6 };
    const term = d.term.charAt(0).toUpperCase() + d.term.slice(1).toLowerCase();
    return {
      term: { value: term, span: { start: d.at, end: d.termEnd }, confidence: 0.9 },
      motion: d.motion,
      meaning: { value: text.slice(d.at, meaningEnd).replace(/\s+/g, " ").trim(), span: meaningSpan, confidence: 0.8 },
      weight,
    };
  });
}
