import type { JSX } from "preact";

/**
 * Line drawings of each built-in exercise, drawn for Limber: a calm figure, a floor line,
 * and the strap in the accent colour. Unknown exercises get a simple resting figure.
 */
const drawings: Record<string, { label: string; body: JSX.Element }> = {
  "strap-eversion-inversion": {
    label: "A person sitting on the floor with legs straight, a strap looped around one foot, holding both ends.",
    body: (
      <>
        <circle cx="60" cy="62" r="12" />
        <path class="torso" d="M63 76 L72 130" />
        <path d="M72 132 L184 133" />
        <path d="M182 134 Q197 133 197 110" />
        <path d="M66 88 L92 106 L114 100" />
        <path class="strap" d="M114 98 L199 108 Q206 114 198 121 L114 103" />
      </>
    ),
  },
  "toe-dorsiflexion-plantar-flexion": {
    label: "A person sitting on a low seat with one leg crossed over the other, a hand holding the toes.",
    body: (
      <>
        <rect class="soft" x="48" y="106" width="58" height="32" rx="6" />
        <circle cx="82" cy="38" r="12" />
        <path class="torso" d="M83 52 L88 102" />
        <path d="M88 104 L142 106 L142 135 L160 136" />
        <path d="M92 100 L120 90 L150 100 L166 94" />
        <path d="M85 64 L122 62 L164 88" />
      </>
    ),
  },
  "wall-calf-stretch": {
    label: "A person standing facing a wall, palms on it, the toes of the front foot resting up against the wall.",
    body: (
      <>
        <path class="soft wall" d="M208 12 V139" />
        <circle cx="166" cy="40" r="12" />
        <path class="torso" d="M161 53 L128 100" />
        <path d="M157 60 L182 70 L204 56" />
        <path d="M128 102 L166 116 L182 135 L204 116" />
        <path d="M127 102 L94 134 L110 136" />
      </>
    ),
  },
  "kneeling-shin-stretch": {
    label: "A person kneeling, sitting back on the heels, leaning back onto hands placed on the floor behind.",
    body: (
      <>
        <circle cx="80" cy="48" r="12" />
        <path class="torso" d="M84 61 L110 112" />
        <path d="M112 114 L166 128 Q172 134 164 135 L102 135 L84 136" />
        <path d="M88 72 L60 134" />
      </>
    ),
  },
};

const resting = {
  label: "A person sitting comfortably, resting between exercises.",
  body: (
    <>
      <circle cx="120" cy="48" r="13" />
      <path d="M120 62 L120 110" />
      <path d="M120 110 L88 124 L150 134 M120 110 L152 124 L90 134" />
      <path d="M120 74 L98 98 L108 116 M120 74 L142 98 L132 116" />
    </>
  ),
};

export function ExerciseArt({ exerciseId, class: className }: { exerciseId: string | null; class?: string }) {
  const art = (exerciseId && drawings[exerciseId]) || resting;
  return (
    <svg class={`art ${className ?? ""}`} viewBox="0 0 240 150" role="img" aria-label={art.label}>
      <g fill="none" stroke="currentColor" stroke-width="4.5" stroke-linecap="round" stroke-linejoin="round">
        <path class="soft" d="M12 139 H228" />
        {art.body}
      </g>
    </svg>
  );
}

/** A calm tick in a circle for the end of a session. */
export function DoneArt() {
  return (
    <svg class="art" viewBox="0 0 120 120" width="120" height="120" role="img" aria-label="Session complete">
      <g fill="none" stroke="currentColor" stroke-width="5" stroke-linecap="round" stroke-linejoin="round">
        <circle class="soft" cx="60" cy="60" r="46" />
        <path d="M38 62 L54 77 L84 45" />
      </g>
    </svg>
  );
}
