import type { PlayerState } from "./player.ts";
import type { HoldRecord } from "./session-log.ts";

/** What the player saw of a session: steps reached and every hold with the time really held. */
export interface SessionSummary {
  completed: boolean;
  stepsDone: number;
  stepsTotal: number;
  holds: HoldRecord[];
  /** Every hold of the session's timeline, reached or not. */
  holdsPlanned: number;
  activeMs: number;
}

/** Reads a player's state into the parts of a SessionLog the player knows. */
export function summariseSession(state: PlayerState): SessionSummary {
  const steps = state.timeline.steps;
  const holds: HoldRecord[] = [];
  let activeMs = 0;
  steps.forEach((step, i) => {
    const spent = state.spentMs[i];
    if (spent === null || spent === undefined) return;
    activeMs += spent;
    if (step.kind !== "hold") return;
    holds.push({
      exerciseId: step.exerciseId!,
      phaseId: step.phaseId!,
      side: step.side,
      rep: step.rep!,
      plannedSeconds: step.seconds,
      heldSeconds: Math.round(spent / 100) / 10,
      skipped: state.skipped[i] ?? false,
    });
  });
  const counted = steps.filter((s) => s.kind !== "done").length;
  const done = steps.filter((s, i) => s.kind !== "done" && state.spentMs[i] !== null).length;
  const holdsPlanned = steps.filter((s) => s.kind === "hold").length;
  return { completed: state.completed, stepsDone: done, stepsTotal: counted, holds, holdsPlanned, activeMs };
}

/**
 * The rule for a practised day: a day counts when at least one of its sessions held at least one
 * hold, finished or ended early. A session ended (or skipped through) before any hold was held is
 * kept in the log but is not a practised day.
 */
export function heldAnyHold(holds: readonly Pick<HoldRecord, "skipped">[]): boolean {
  return holds.some((h) => !h.skipped);
}
