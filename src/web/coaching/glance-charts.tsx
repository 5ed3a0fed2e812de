import { count } from "../../core/words.ts";
/** Small charts a coach reads at a glance on the dashboard: pain over the last sessions, and weeks of plan kept. */

interface PainGlance {
  day: string;
  painBefore: number | null;
  painAfter: number | null;
}

const W = 120;
const H = 36;

/** Pain before (dashed) and after (solid) over the last sessions, 0 at the bottom, 10 at the top. */
export function PainSparkline({ sessions }: { sessions: PainGlance[] }) {
  const rated = sessions.filter((s) => s.painAfter !== null);
  if (rated.length === 0) return <span class="spark-empty muted">No pain scores yet</span>;
  const x = (i: number) => (sessions.length === 1 ? W / 2 : 4 + (i * (W - 8)) / (sessions.length - 1));
  const y = (v: number) => 3 + ((10 - v) * (H - 6)) / 10;
  const line = (pick: (s: PainGlance) => number | null) =>
    sessions
      .map((s, i) => [i, pick(s)] as const)
      .filter((p): p is readonly [number, number] => p[1] !== null)
      .map(([i, v], n) => `${n === 0 ? "M" : "L"}${x(i).toFixed(1)} ${y(v).toFixed(1)}`)
      .join(" ");
  const afters = rated.map((s) => s.painAfter).join(", ");
  const last = sessions.length - 1;
  const lastAfter = sessions[last]!.painAfter;
  return (
    <svg
      class="spark"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={`Pain after the last ${count(sessions.length, "session")}: ${afters} out of 10`}
    >
      <line class="spark-base" x1="0" x2={W} y1={y(0)} y2={y(0)} />
      <path class="spark-before" d={line((s) => s.painBefore)} />
      <path class="spark-after" d={line((s) => s.painAfter)} />
      {lastAfter !== null && <circle class="spark-after-dot" cx={x(last)} cy={y(lastAfter)} r="3" />}
    </svg>
  );
}

interface WeekGlance {
  from: string;
  to: string;
  planned: number;
  done: number;
}

/** One bar per week, oldest first: its height is the share of planned days done. */
export function AdherenceBars({ weeks }: { weeks: WeekGlance[] }) {
  const planned = weeks.reduce((n, w) => n + w.planned, 0);
  if (planned === 0) return <span class="spark-empty muted">Nothing planned</span>;
  const done = weeks.reduce((n, w) => n + w.done, 0);
  const label = `Plan kept over the last ${count(weeks.length, "week")}: ${weeks.map((w) => `${w.done} of ${w.planned}`).join(", ")} (oldest first)`;
  const bw = 18;
  const gap = 6;
  return (
    <span class="adherence-glance">
      <svg
        class="bars"
        viewBox={`0 0 ${weeks.length * (bw + gap)} ${H}`}
        width={weeks.length * (bw + gap)}
        height={H}
        role="img"
        aria-label={label}
      >
        {weeks.map((w, i) => {
          const share = w.planned === 0 ? 0 : Math.min(1, w.done / w.planned);
          const h = Math.max(2, share * (H - 2));
          return (
            <g key={w.from}>
              <rect class="bar-track" x={i * (bw + gap)} y="0" width={bw} height={H} rx="3" />
              <rect class={share >= 0.75 ? "bar-done" : "bar-done low"} x={i * (bw + gap)} y={H - h} width={bw} height={h} rx="3" />
            </g>
          );
        })}
      </svg>
      <span class="bars-total" aria-hidden="true">
        {done}/{planned}
      </span>
    </span>
  );
}
