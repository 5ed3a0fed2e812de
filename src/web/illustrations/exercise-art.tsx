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
        <circle cx="62" cy="52" r="13" />
        <path d="M68 66 L80 126" />
        <path d="M80 127 L196 130" />
        <path d="M196 130 L205 104" />
        <path d="M70 76 L94 98 L114 93" />
        <path class="strap" d="M114 90 L206 104 M114 96 L203 112" />
      </>
    ),
  },
  "toe-dorsiflexion-plantar-flexion": {
    label: "A person sitting on a low seat with one leg crossed over the other, a hand holding the toes.",
    body: (
      <>
        <rect class="soft" x="56" y="100" width="54" height="38" rx="6" />
        <circle cx="86" cy="38" r="13" />
        <path d="M87 52 L84 98" />
        <path d="M84 99 L138 100 L140 136 L160 137" />
        <path d="M86 97 L114 70 L162 90 L176 82" />
        <path d="M86 62 L128 74 L172 80" />
      </>
    ),
  },
  "wall-calf-stretch": {
    label: "A person standing facing a wall, palms on it, the toes of the front foot resting up against the wall.",
    body: (
      <>
        <path class="soft wall" d="M204 14 V138" />
        <circle cx="150" cy="38" r="13" />
        <path d="M146 52 L120 100" />
        <path d="M143 60 L174 72 L200 62" />
        <path d="M120 100 L160 116 L184 135 L200 114" />
        <path d="M120 100 L108 119 L96 136 L112 137" />
      </>
    ),
  },
  "kneeling-shin-stretch": {
    label: "A person kneeling, sitting back on the heels, leaning back onto hands placed on the floor behind.",
    body: (
      <>
        <circle cx="74" cy="46" r="13" />
        <path d="M80 60 L104 112" />
        <path d="M104 112 L160 130 L96 134 L78 136" />
        <path d="M84 72 L66 104 L50 134" />
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
