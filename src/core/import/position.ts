import type { Position } from "../program.ts";
import type { Token } from "./tokens.ts";

export interface PositionMatch {
  value: Position;
  start: number;
  end: number;
}

const SINGLE: Record<string, Position> = {
  seated: "seated",
  sit: "seated",
  sitting: "seated",
  sits: "seated",
  stand: "standing",
  standing: "standing",
  stands: "standing",
  kneel: "kneeling",
  kneeling: "kneeling",
  kneels: "kneeling",
  quadruped: "kneeling",
  tabletop: "kneeling",
  lie: "lying",
  lying: "lying",
  supine: "lying",
  prone: "lying",
  "lie-down": "lying",
  laying: "lying",
  facedown: "lying",
  faceup: "lying",
  sidelying: "lying",
  "side-lying": "lying",
  hooklying: "lying",
  "face-down": "lying",
  "face-up": "lying",
  "hands-and-knees": "kneeling",
  "half-kneeling": "kneeling",
  "all-fours": "kneeling",
  lunge: "standing",
  warrior: "standing",
};

/** Multi-word phrases checked before single words; the first word is matched at token i. */
const PHRASES: Array<{ words: string[]; value: Position }> = [
  { words: ["on", "your", "knees"], value: "kneeling" },
  { words: ["on", "all", "fours"], value: "kneeling" },
  { words: ["hands", "and", "knees"], value: "kneeling" },
  { words: ["table", "position"], value: "kneeling" },
  { words: ["table", "top"], value: "kneeling" },
  { words: ["tabletop", "position"], value: "kneeling" },
  { words: ["child's", "pose"], value: "kneeling" },
  { words: ["sit", "back", "on", "your", "heels"], value: "kneeling" },
  { words: ["sitting", "on", "your", "heels"], value: "kneeling" },
  { words: ["sit", "on", "your", "heels"], value: "kneeling" },
  { words: ["on", "your", "back"], value: "lying" },
  { words: ["on", "your", "stomach"], value: "lying" },
  { words: ["on", "your", "tummy"], value: "lying" },
  { words: ["face", "down"], value: "lying" },
  { words: ["face", "up"], value: "lying" },
  { words: ["lay", "on"], value: "lying" },
  { words: ["in", "a", "chair"], value: "seated" },
  { words: ["side", "lying"], value: "lying" },
  { words: ["lay", "down"], value: "lying" },
  { words: ["lay", "flat"], value: "lying" },
  { words: ["half", "kneeling"], value: "kneeling" },
  { words: ["facing", "a", "wall"], value: "standing" },
  { words: ["face", "a", "wall"], value: "standing" },
  { words: ["lean", "against"], value: "standing" },
  { words: ["lean", "into", "the", "wall"], value: "standing" },
  { words: ["hands", "against", "a", "wall"], value: "standing" },
  { words: ["hands", "on", "a", "wall"], value: "standing" },
  { words: ["hands", "on", "the", "wall"], value: "standing" },
  { words: ["on", "a", "stair"], value: "standing" },
  { words: ["on", "a", "step"], value: "standing" },
  { words: ["hand", "against", "a", "wall"], value: "standing" },
  { words: ["hand", "against", "the", "wall"], value: "standing" },
  { words: ["hand", "on", "a", "wall"], value: "standing" },
  { words: ["hand", "on", "the", "wall"], value: "standing" },
  { words: ["step", "your", "feet"], value: "standing" },
  { words: ["stepping", "your", "feet"], value: "standing" },
  { words: ["comfortable", "seat"], value: "seated" },
  { words: ["take", "a", "seat"], value: "seated" },
  { words: ["find", "a", "seat"], value: "seated" },
  { words: ["on", "the", "stair"], value: "standing" },
  { words: ["on", "the", "stairs"], value: "standing" },
  { words: ["on", "the", "step"], value: "standing" },
  { words: ["lean", "in", "towards"], value: "standing" },
  { words: ["lean", "in", "toward"], value: "standing" },
  { words: ["lean", "towards", "the", "wall"], value: "standing" },
  { words: ["lean", "toward", "the", "wall"], value: "standing" },
  { words: ["on", "a", "chair"], value: "seated" },
  // "Raise the body up onto the balls of your feet", "rise up on your toes": the body lifted onto the feet stands.
  { words: ["up", "onto", "the", "balls"], value: "standing" },
  { words: ["up", "on", "the", "balls"], value: "standing" },
  { words: ["up", "onto", "your", "toes"], value: "standing" },
  { words: ["up", "on", "your", "toes"], value: "standing" },
  { words: ["up", "on", "tiptoe"], value: "standing" },
  { words: ["lean", "into", "a", "wall"], value: "standing" },
  { words: ["leaning", "into", "the", "wall"], value: "standing" },
  { words: ["leaning", "into", "a", "wall"], value: "standing" },
  { words: ["leaning", "against"], value: "standing" },
  { words: ["leaning", "in", "towards"], value: "standing" },
  { words: ["hands", "against", "the", "wall"], value: "standing" },
  // Holding a chair for balance is standing beside it; a seat named first still wins.
  { words: ["hold", "onto", "a", "chair"], value: "standing" },
  { words: ["hold", "onto", "the", "back"], value: "standing" },
  { words: ["holding", "onto", "a", "chair"], value: "standing" },
  { words: ["holding", "onto", "the", "back"], value: "standing" },
  { words: ["holding", "the", "back", "of"], value: "standing" },
  { words: ["rise", "onto", "your", "toes"], value: "standing" },
  { words: ["rise", "onto", "the", "balls"], value: "standing" },
  // A lunge's stance, or a stretch in a doorway: standing, as a lunge is.
  { words: ["staggered", "stance"], value: "standing" },
  { words: ["split", "stance"], value: "standing" },
  { words: ["door", "frame"], value: "standing" },
  { words: ["in", "a", "doorway"], value: "standing" },
  { words: ["in", "the", "doorway"], value: "standing" },
  // "Get down on one knee", "drop onto one knee": half kneeling.
  { words: ["down", "on", "one", "knee"], value: "kneeling" },
  { words: ["onto", "one", "knee"], value: "kneeling" },
];

/** Per first word: the phrases it may open and the position it names alone, so each token costs one lookup. */
interface FirstWord {
  phrases: Array<{ words: string[]; value: Position }>;
  single: Position | undefined;
}
const BY_FIRST = new Map<string, FirstWord>();
const entryFor = (w: string): FirstWord => {
  let e = BY_FIRST.get(w);
  if (!e) BY_FIRST.set(w, (e = { phrases: [], single: undefined }));
  return e;
};
for (const p of PHRASES) entryFor(p.words[0]!).phrases.push(p);
for (const [w, v] of Object.entries(SINGLE)) entryFor(w).single = v;

/**
 * Answers already given, per token list: one block's tokens are asked about by several readers
 * (settings, structure, doubt), and on long input each scan is the cost. Token lists are not
 * changed once read, so an answer stays true; the map holds nothing alive.
 */
const ANSWERS = new WeakMap<readonly Token[], PositionMatch | null>();

/** The first body position the tokens name ("seated", "on your knees", "lie on your back"...). */
export function findPosition(tokens: readonly Token[]): PositionMatch | null {
  const known = ANSWERS.get(tokens);
  if (known !== undefined) return known;
  const answer = scanPosition(tokens);
  ANSWERS.set(tokens, answer);
  return answer;
}

function scanPosition(tokens: readonly Token[]): PositionMatch | null {
  for (let i = 0; i < tokens.length; i++) {
    const entry = BY_FIRST.get(tokens[i]!.text);
    if (entry === undefined) continue;
    for (const phrase of entry.phrases) {
      if (phrase.words.every((w, k) => tokens[i + k]?.text === w)) {
        return { value: phrase.value, start: tokens[i]!.start, end: tokens[i + phrase.words.length - 1]!.end };
      }
    }
    const t = tokens[i]!;
    const value = entry.single;
    if (value === undefined) continue;
    // "half-kneeling" and "standing" after "long-" are still positions; "sit-ups" is not a sitting stretch.
    if (value === "seated" && tokens[i + 1]?.text === "-" && tokens[i + 2]?.text === "ups") continue;
    return { value, start: t.start, end: t.end };
  }
  return null;
}

/**
 * A position named by an exercise's or routine's name: the words findPosition reads, and also a
 * chair ("Chair twist", "5 seated chair exercises") for sitting, except a yoga chair pose.
 */
export function findNamePosition(tokens: readonly Token[]): PositionMatch | null {
  const found = findPosition(tokens);
  if (found) return found;
  const chair = tokens.findIndex(
    (t, i) => (t.text === "chair" || t.text === "chairs" || t.text === "desk") && tokens[i + 1]?.text !== "pose",
  );
  return chair < 0 ? null : { value: "seated", start: tokens[chair]!.start, end: tokens[chair]!.end };
}
