import type { Program } from "../../core/program.ts";
import { compileTimeline } from "../../core/timeline.ts";
import { count } from "../../core/words.ts";

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;

/** The first session of a program as it will run: total time, holds, and every timed step. */
export function TimelinePreview({ program }: { program: Program }) {
  const t = compileTimeline(program, null);
  return (
    <section class="card" aria-labelledby="preview-title">
      <h2 id="preview-title">The session</h2>
      <p class="lead" data-testid="preview-total" aria-live="polite">
        {count(t.holdCount, "hold")}, {clock(t.totalSeconds)} in all ({count(Math.round(t.holdSeconds / 60), "minute")} holding).
      </p>
      <details>
        <summary>Every step, in order</summary>
        <ol class="session-list">
          {t.steps
            .filter((s) => s.kind !== "done")
            .map((s, i) => (
              <li key={i}>
                <span class="muted">{clock(s.offset)}</span> {s.title} — {s.seconds} s
              </li>
            ))}
        </ol>
      </details>
    </section>
  );
}
