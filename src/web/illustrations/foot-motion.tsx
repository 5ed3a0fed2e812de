import type { Motion } from "../../core/program.ts";

const labels: Record<Motion, string> = {
  inversion: "A foot seen from the front, its sole turning inward toward the body's midline.",
  eversion: "A foot seen from the front, its sole turning outward, away from the body's midline.",
  dorsiflexion: "A foot seen from the side, drawing up toward the shin.",
  "plantar-flexion": "A foot seen from the side, pointing down, away from the shin.",
};

function FrontView({ motion }: { motion: Motion }) {
  return (
    <>
      <path class="soft" d="M104 8 V112" stroke-dasharray="5 6" stroke-width="2.5" />
      <path d="M50 8 L52 58 M70 8 L68 58" />
      <g class="soft ghost">
        <path d="M36 84 Q60 92 86 84" />
      </g>
      <g class={`foot-move ${motion}`}>
        <path d="M52 58 Q34 66 34 80 Q60 90 86 80 Q86 66 68 58" />
      </g>
    </>
  );
}

function SideView({ motion }: { motion: Motion }) {
  return (
    <>
      <path d="M38 6 L40 60 M56 6 L54 60" />
      <path class="soft" d="M36 80 L104 80" />
      <g class={`foot-move ${motion}`}>
        <path d="M40 60 Q30 76 40 80 L96 80 Q106 78 100 70 L56 60" />
        <path d="M84 72 L92 72" />
      </g>
    </>
  );
}

/** A small drawing of a foot moving in one of the four motions; still under reduced motion. */
export function FootMotion({ motion }: { motion: Motion }) {
  const front = motion === "inversion" || motion === "eversion";
  return (
    <svg class="art" viewBox="0 0 120 120" role="img" aria-label={labels[motion]}>
      <g fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round" stroke-linejoin="round">
        {front ? <FrontView motion={motion} /> : <SideView motion={motion} />}
      </g>
    </svg>
  );
}
