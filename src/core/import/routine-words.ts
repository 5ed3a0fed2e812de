/**
 * Words that tell the structure of a routine apart: a line that starts with one of these is a
 * step of an exercise ("Slowly lean back"), not the name of a new one ("Seated twist 30s").
 */
export const STEP_STARTERS = new Set([
  "lie", "lay", "sit", "stand", "kneel", "place", "put", "hold", "lift", "raise", "lower", "bend", "keep", "turn", "pull",
  "push", "press", "repeat", "return", "relax", "bring", "cross", "loop", "wrap", "lean", "start", "begin", "reach",
  "rest", "let", "breathe", "switch", "swap", "step", "straighten", "tilt", "rotate", "grab", "grasp", "use", "then",
  "now", "next", "inhale", "exhale", "extend", "tighten", "squeeze", "draw", "point", "flex", "roll", "move", "stay",
  "do", "try", "go", "come", "shift", "take", "make", "hug", "clasp", "interlace", "drop", "slide", "sink", "walk",
  "face", "position", "gently", "slowly", "carefully", "again", "finally", "also", "continue", "release", "feel",
  "you", "your", "it", "this", "that", "these", "those", "the", "a", "an", "and", "or", "but", "if", "as", "when",
  "until", "while", "after", "before", "on", "with", "for", "in", "at", "to", "from", "both", "each", "per", "aim",
  "don't", "do", "avoid", "make", "remember", "be", "is", "are", "should", "can", "may", "will", "count", "alternate",
  "change", "hinge", "arch", "round", "curl", "tuck", "open", "close", "sway", "rock", "pause", "look", "allow", "find",
  "there", "here", "stop", "work", "build", "add", "increase", "perform", "complete", "note", "tip", "wait", "once",
  "twice", "x", "spread", "set", "settle", "plant", "hook", "rise", "drive", "engage", "scoot", "support", "aim",
  "i", "we", "my", "our", "click", "read", "see", "follow", "learn", "share",
]);

/** Labels such as "Hold:" or "Equipment:" that name a field of an exercise, never a new exercise. */
export const FIELD_LABELS = new Set([
  "position", "starting position", "start position", "start", "setup", "set up", "set-up", "hold", "holds", "hold time",
  "time", "duration", "reps", "repetitions", "repeat", "sets", "set", "rest", "sides", "side", "equipment", "you need",
  "you'll need", "what you need", "you will need", "what you'll need", "needs", "need", "breathe", "breathing", "note",
  "notes", "tip", "tips", "caution", "warning", "warnings", "safety", "important", "frequency", "how often", "when",
  "progression", "progress", "to progress", "goal", "goals", "why", "target", "targets", "muscles", "muscle", "area",
  "level", "do", "how", "how to", "how to do it", "instructions", "steps", "method", "technique", "easier", "harder",
  "modification", "modifications", "regression", "cue", "cues", "focus", "dosage", "dose", "prescription", "benefits",
  "benefit", "purpose", "day", "week", "morning", "evening", "total time", "time needed", "remember", "avoid", "stop",
  "watch out", "key points", "equipment needed", "description", "directions", "aim", "sets and reps", "count",
  "make it easier", "make it harder", "variation", "variations", "props", "works", "good for", "feel it", "feel",
  "disclaimer", "please note", "ps", "p.s", "update", "edit", "action", "actions", "movement", "instruction", "what to do",
  "procedure", "starting point", "finish", "end position", "return", "hold for", "reps per side", "sets per side", "rest between",
]);

/** Nouns that name an exercise in a heading ("Hamstring stretch", "Child's pose", "Ankle circles"). */
export const EXERCISE_NOUNS = new Set([
  "stretch", "stretches", "stretching", "pose", "raise", "raises", "curl", "curls", "twist", "twists", "rotation",
  "rotations", "tilt", "tilts", "bridge", "bridges", "roll", "rolls", "pump", "pumps", "circle", "circles", "squeeze",
  "squeezes", "march", "slide", "slides", "hug", "reach", "reaches", "lunge", "plank", "press", "presses", "cow", "cat",
  "release", "extension", "extensions", "flexion", "hold", "opener", "bend", "bends", "walk", "swing", "swings", "kick",
  "inversion", "eversion", "dorsiflexion", "clam", "clams", "pigeon", "figure", "butterfly", "cobra", "sphinx",
]);

/** Whether a word is a common English function word, so a block starting with it is not a name. */
export const isStepStarter = (word: string) => STEP_STARTERS.has(word);

/** Imperative verbs that open a step of an exercise ("Lie on your back", "Slowly lean back"). */
export const INSTRUCTION_VERBS = new Set([
  "lie", "lay", "sit", "stand", "kneel", "place", "put", "hold", "lift", "raise", "lower", "bend", "keep", "turn", "pull",
  "push", "press", "repeat", "return", "relax", "bring", "cross", "loop", "wrap", "lean", "start", "begin", "reach",
  "rest", "let", "breathe", "switch", "swap", "step", "straighten", "tilt", "rotate", "grab", "grasp", "use", "inhale",
  "exhale", "extend", "tighten", "squeeze", "draw", "point", "flex", "roll", "move", "stay", "shift", "hug", "clasp",
  "interlace", "drop", "slide", "sink", "walk", "face", "gently", "slowly", "carefully", "release", "hinge", "arch",
  "curl", "tuck", "rock", "sway", "plant", "hook", "rise", "engage", "scoot", "settle", "spread", "then", "now", "next",
]);
