import type { Motion } from "../program.ts";
import type { Token } from "./tokens.ts";

export interface MotionMatch {
  motion: Motion;
  start: number;
  end: number;
  /** True for the technical term itself ("eversion"); false for a hint ("calf", "point your toes"). */
  explicit: boolean;
}

const TERMS: Record<string, Motion> = {
  eversion: "eversion",
  evert: "eversion",
  everted: "eversion",
  everting: "eversion",
  everts: "eversion",
  inversion: "inversion",
  invert: "inversion",
  inverted: "inversion",
  inverting: "inversion",
  inverts: "inversion",
  dorsiflexion: "dorsiflexion",
  dorsiflex: "dorsiflexion",
  dorsiflexed: "dorsiflexion",
  dorsiflexing: "dorsiflexion",
  plantarflexion: "plantar-flexion",
  plantarflex: "plantar-flexion",
  plantarflexed: "plantar-flexion",
};

const HINTS: Array<{ words: string[]; motion: Motion }> = [
  { words: ["calf"], motion: "dorsiflexion" },
  { words: ["calves"], motion: "dorsiflexion" },
  { words: ["achilles"], motion: "dorsiflexion" },
  { words: ["toes", "back"], motion: "dorsiflexion" },
  { words: ["toes", "up"], motion: "dorsiflexion" },
  { words: ["toes", "toward"], motion: "dorsiflexion" },
  { words: ["toes", "towards"], motion: "dorsiflexion" },
  { words: ["back", "on", "your", "toes"], motion: "dorsiflexion" },
  { words: ["shin"], motion: "plantar-flexion" },
  { words: ["shins"], motion: "plantar-flexion" },
  { words: ["point", "your", "toes"], motion: "plantar-flexion" },
  { words: ["point", "the", "toes"], motion: "plantar-flexion" },
  { words: ["point", "your", "foot"], motion: "plantar-flexion" },
  { words: ["down", "on", "your", "toes"], motion: "plantar-flexion" },
  { words: ["toes", "down"], motion: "plantar-flexion" },
  { words: ["sole", "outward"], motion: "eversion" },
  { words: ["sole", "inward"], motion: "inversion" },
];

const TERM_MAP = new Map<string, Motion>(Object.entries(TERMS));
const HINTS_BY_FIRST = new Map<string, Array<{ words: string[]; motion: Motion }>>();
for (const h of HINTS) HINTS_BY_FIRST.set(h.words[0]!, [...(HINTS_BY_FIRST.get(h.words[0]!) ?? []), h]);

/** Every foot motion the tokens name or hint at, in order. */
export function findMotions(tokens: readonly Token[]): MotionMatch[] {
  const out: MotionMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const term = TERM_MAP.get(t.text);
    if (term) {
      out.push({ motion: term, start: t.start, end: t.end, explicit: true });
      continue;
    }
    if ((t.text === "plantar" || t.text === "dorsi") && (tokens[i + 1]?.text === "flexion" || tokens[i + 2]?.text === "flexion")) {
      const last = tokens[i + 1]?.text === "flexion" ? i + 1 : i + 2;
      out.push({
        motion: t.text === "plantar" ? "plantar-flexion" : "dorsiflexion",
        start: t.start,
        end: tokens[last]!.end,
        explicit: true,
      });
      i = last;
      continue;
    }
    const hints = HINTS_BY_FIRST.get(t.text);
    if (hints === undefined) continue;
    for (const hint of hints) {
      if (hint.words.every((w, k) => tokens[i + k]?.text === w)) {
        out.push({ motion: hint.motion, start: t.start, end: tokens[i + hint.words.length - 1]!.end, explicit: false });
        break;
      }
    }
  }
  return out;
}

/** The distinct motions in order of first appearance. */
export function distinctMotions(matches: readonly MotionMatch[]): Motion[] {
  const seen: Motion[] = [];
  for (const m of matches) if (!seen.includes(m.motion)) seen.push(m.motion);
  return seen;
}
