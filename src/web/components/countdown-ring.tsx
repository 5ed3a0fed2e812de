import { useEffect, useState } from "preact/hooks";
import { currentStep, remainingInStep, type PlayerState } from "../../core/player.ts";
import type { Clock } from "../adapters/clock.ts";
import { count, plural } from "../../core/words.ts";

const R = 54;
const CIRCUMFERENCE = 2 * Math.PI * R;

/**
 * The big countdown: whole seconds left in the step and a ring that empties with them. It
 * re-renders once per second, on the step's own second boundaries from the monotonic clock;
 * the ring glides between them with a CSS transition (none under reduced motion).
 */
export function CountdownRing({ state, clock }: { state: PlayerState; clock: Clock }) {
  const [, setBeat] = useState(0);
  const step = currentStep(state);
  const totalMs = step.seconds * 1000;
  const remaining = remainingInStep(state, clock.now());
  const seconds = Math.ceil(remaining / 1000);
  const playing = state.status === "playing";

  useEffect(() => {
    if (!playing) return;
    const untilNextSecond = remaining - (seconds - 1) * 1000;
    return clock.after(untilNextSecond + 1, () => setBeat((b) => b + 1));
  });

  const target = totalMs === 0 ? 0 : playing ? Math.max(0, (seconds - 1) * 1000) / totalMs : remaining / totalMs;
  return (
    <div class="ring">
      <svg viewBox="0 0 120 120" aria-hidden="true">
        <circle class="track" cx="60" cy="60" r={R} fill="none" stroke-width="9" />
        <circle
          class="arc"
          cx="60"
          cy="60"
          r={R}
          fill="none"
          stroke-width="9"
          stroke-linecap="round"
          stroke-dasharray={CIRCUMFERENCE}
          stroke-dashoffset={CIRCUMFERENCE * (1 - target)}
          style={playing ? undefined : { transition: "none" }}
        />
      </svg>
      <div class="count" role="timer" aria-label={`${count(seconds, "second")} left`} data-remaining-ms={Math.round(remaining)}>
        <span class="number" aria-hidden="true" data-testid="seconds-left">
          {seconds}
        </span>
        <span class="unit" aria-hidden="true">
          {state.status === "paused" ? "paused" : plural(seconds, "second")}
        </span>
      </div>
    </div>
  );
}
