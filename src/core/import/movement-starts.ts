import { readBlockFacts, type BlockFacts } from "./block-facts.ts";
import type { Block } from "./blocks.ts";
import { findPosition } from "./position.ts";
import { SETUP_OPENERS } from "./routine-words.ts";
import { sentencesOf, type SentenceFacts } from "./sentence-facts.ts";

/**
 * Several movements run together in one paragraph or one list item ("… lean back and hold for
 * five seconds. To stretch your hamstrings, lie on the ground …"): the block is cut where a
 * sentence opens a new movement, so each part is read as a movement of its own. A cut needs a
 * hold before it (the movement before is complete) and a hold or count after it (the new one is
 * timed), and a sentence that starts afresh: by its purpose ("To stretch your hamstrings, …") or
 * by setting up a different body position ("Lie on your back …" after a standing stretch).
 * Going back to the other side ("Repeat on the other side", "Switch legs") never cuts.
 */

const PURPOSE_VERBS = new Set(["stretch", "loosen", "work", "target", "release", "open", "relieve", "ease", "mobilise", "mobilize"]);
const SAME_MOVEMENT = new Set(["other", "opposite", "switch", "swap", "repeat", "again", "same", "this"]);

const CAPTION_WORDS = new Set([
  "left",
  "right",
  "top",
  "bottom",
  "middle",
  "centre",
  "center",
  "above",
  "below",
  "pictured",
  "figure",
  "fig",
  "photo",
  "image",
]);

/** A sentence end followed by a word that may open a new movement ("To", or a setup word such as "Lie", "While"). */
const MAY_START = new RegExp(
  `[.!?]["”’)]*\\s+(to|next|finally|lastly|${[...CAPTION_WORDS].join("|")}|${[...SETUP_OPENERS].join("|")})\\b`,
  "i",
);

/**
 * "Left: Stand as shown …", "Top right: While sitting, …": a picture's caption label, left at the
 * start of its movement's text when a page with pictures lost its layout.
 */
function opensWithCaption(s: SentenceFacts): boolean {
  const w = s.tokens;
  let k = 0;
  while (k < 3 && k < w.length && (CAPTION_WORDS.has(w[k]!.text) || (k > 0 && w[k]!.kind === "num"))) k++;
  return k > 0 && w[k]?.text === ":";
}

const holds = (s: SentenceFacts) => s.quantities.some((q) => q.kind === "hold" || q.kind === "breaths");
const timed = (s: SentenceFacts) =>
  s.quantities.some((q) => q.kind === "hold" || q.kind === "breaths" || q.kind === "reps" || q.kind === "sets");

/** "To stretch your hamstrings, …": a purpose clause before a comma at the sentence's start. */
function opensWithPurpose(s: SentenceFacts): boolean {
  const w = s.tokens;
  if (w[0]?.text !== "to" || !PURPOSE_VERBS.has(w[1]?.text ?? "")) return false;
  for (let k = 2; k < Math.min(w.length, 10); k++) if (w[k]!.text === ",") return true;
  return false;
}

/** "Next, quickly spread the fingers …", "Finally, …": a sentence that moves on to the next movement. */
const SEQUENCE_WORDS = new Set(["next", "finally", "lastly"]);
const OTHER_SIDE = new Set(["other", "opposite", "switch", "swap", "same"]);
const PLACING = new Set(["place", "put", "rest", "lie", "lay", "sit", "stand", "kneel"]);

function startsAfresh(s: SentenceFacts, positionBefore: string | null): boolean {
  // "Next, quickly spread the fingers …, repeating this 5 to 10 times": on to a new movement, unless back to the other side.
  if (SEQUENCE_WORDS.has(s.tokens[0]?.text ?? "") && s.tokens[1]?.text === ",") return !s.tokens.some((t) => OTHER_SIDE.has(t.text));
  if (s.tokens.some((t) => SAME_MOVEMENT.has(t.text))) return false;
  if (opensWithPurpose(s)) return true;
  if (!SETUP_OPENERS.has(s.tokens[0]?.text ?? "")) return false;
  const here = findPosition(s.tokens)?.value ?? null;
  return here !== null && positionBefore !== null && here !== positionBefore;
}

/** Where in one block new movements start (offsets of the sentences that open them). */
function cutsIn(text: string, f: BlockFacts): number[] {
  if (f.role !== "body" || f.block.kind === "heading" || !f.timed) return [];
  // A hold before the cut and a time or count after it: two timed quantities at least.
  let n = 0;
  for (const q of f.quantities) if (q.kind === "hold" || q.kind === "breaths" || q.kind === "reps" || q.kind === "sets") n++;
  if (n < 2) return [];
  // Only a sentence that opens with a purpose or a setup word can cut: look for one before splitting sentences.
  if (!MAY_START.test(f.block.text)) return [];
  const sentences = sentencesOf(text, f, f.block.start);
  if (sentences.length < 3) return [];
  // Whether any sentence from k on is timed, computed once from the end (not rescanned per sentence).
  const timedFrom: boolean[] = new Array<boolean>(sentences.length + 1).fill(false);
  for (let k = sentences.length - 1; k >= 0; k--) timedFrom[k] = timedFrom[k + 1]! || timed(sentences[k]!);
  const cuts: number[] = [];
  // Two captions or more: each opens the text of one pictured movement, timed or not (the time is often said once for all).
  const captions = sentences.filter((s, k) => k > 0 && opensWithCaption(s));
  if (captions.length >= 2) return captions.map((s) => s.start);
  let held = false;
  let position: string | null = null;
  // Whether a sentence from k on holds (a hold or breaths), for a held stretch after a counted movement.
  const holdsFrom: boolean[] = new Array<boolean>(sentences.length + 1).fill(false);
  for (let k = sentences.length - 1; k >= 0; k--) holdsFrom[k] = holdsFrom[k + 1]! || holds(sentences[k]!);
  let counted = false;
  sentences.forEach((s, k) => {
    // "… repeating this 5 to 10 times. Place the hands on your desk … Hold each side 5 to 10 breaths.":
    // a movement counted in repetitions, then a placing step towards a hold, is a held stretch of its own.
    const placesAfterCount = counted && !held && PLACING.has(s.tokens[0]?.text ?? "") && holdsFrom[k] && !holds(s);
    if (k > 0 && (((held || counted) && timedFrom[k] && startsAfresh(s, position)) || placesAfterCount)) {
      cuts.push(s.start);
      held = false;
      counted = false;
      position = null;
    }
    if (holds(s)) held = true;
    else if (timed(s)) counted = true;
    position ??= findPosition(s.tokens)?.value ?? null;
  });
  return cuts;
}

/** The text's blocks, each cut where a new movement starts; only the parts cut are read again. */
export function splitMovements(text: string, facts: BlockFacts[]): BlockFacts[] {
  const out: BlockFacts[] = [];
  let cut = false;
  for (const f of facts) {
    const cuts = cutsIn(text, f);
    if (cuts.length === 0) {
      out.push(f);
      continue;
    }
    cut = true;
    const parts: Block[] = [f.block.start, ...cuts].map((start, k) => {
      let end = k < cuts.length ? cuts[k]! : f.block.end;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      // The later parts read as paragraphs of their own, after a break, as the page would have set them.
      const kind = k === 0 ? f.block.kind : "paragraph";
      return { ...f.block, kind, start, end, text: text.slice(start, end), afterBlank: k > 0 || f.block.afterBlank };
    });
    readBlockFacts(text, parts, true).forEach((p, k) => {
      if (k > 0) p.opensMovement = true;
      out.push(p);
    });
  }
  if (cut) out.forEach((f, i) => (f.index = i));
  return out;
}
