import { currentStep, type PlayerState } from "../../core/player.ts";
import type { Program } from "../../core/program.ts";
import { sideLabel, type Step } from "../../core/timeline.ts";

/** The line under the exercise name: what to do in this step. */
export function phaseText(step: Step): string {
  switch (step.kind) {
    case "hold":
      return step.phaseName ?? "Hold";
    case "prepare":
      return "Get into position";
    case "switch-side":
      return "Switch sides";
    case "release":
      return "Ease off";
    case "rest":
      // The heading already says "Rest"; this line says what to do in it.
      return "Relax and breathe";
    case "done":
      return "Session complete";
  }
}

/** Which foot, and which repetition during a hold; empty between exercises. */
export function whereText(step: Step): string {
  if (step.kind === "hold" && step.rep !== null && step.reps !== null) return `${sideLabel(step.side)} · ${step.rep} of ${step.reps}`;
  if (step.exerciseId === null) return "";
  return sideLabel(step.side);
}

/** The exercise's own instructions for this step: its phase's during a hold, its setup before one. */
export function instructionsOf(step: Step, program: Program): string[] {
  const ex = program.exercises.find((e) => e.id === step.exerciseId);
  if (!ex) return [];
  if (step.kind === "hold") return ex.phases.find((p) => p.id === step.phaseId)?.instructions ?? [];
  if (step.kind === "prepare" || step.kind === "switch-side") return ex.setup;
  return [];
}

/** Where the session stands as a whole, to the minute: enough to know how long is left. */
export function overallText(state: PlayerState): string {
  const steps = state.timeline.steps;
  const counted = steps.filter((s) => s.kind !== "done").length;
  const left = Math.max(1, Math.ceil((state.timeline.totalSeconds - currentStep(state).offset) / 60));
  return `Step ${state.index + 1} of ${counted} · about ${left} min left`;
}

/** The line about what comes next: a rest is said once ("Next: a rest"), not as "Next: Rest. Next: …". */
export function nextText(next: Step): string {
  return next.kind === "rest" ? "Next: a short rest" : `Next: ${next.title}`;
}
