import type { Exercise, Phase, Program, Side } from "../program.ts";
import type { Step } from "../timeline.ts";
import type { PictureId } from "./picture.ts";

/**
 * Which library picture shows a phase. A phase may name one (or "none"); otherwise the picture is matched
 * from the phase's motion and the exercise's position and props, and only when the match is clear;
 * failing that, a plain picture of the position alone, so no exercise is shown doing a different movement.
 */

const words = (...texts: string[]) => texts.join(" ").toLowerCase();

function propsText(ex: Exercise): string {
  return words(...ex.equipment.flatMap((e) => [e.name, ...e.alternatives]));
}

function setupText(ex: Exercise): string {
  return words(ex.positionDetail, ...ex.setup);
}

const positionPictures: Partial<Record<Exercise["position"], PictureId>> = {
  seated: "position-seated",
  standing: "position-standing",
  kneeling: "position-kneeling",
  lying: "position-lying",
};

/** The library picture that clearly shows this movement, or null when none does. */
export function matchedPicture(ex: Exercise, phase: Phase): PictureId | null {
  const props = propsText(ex);
  const setup = setupText(ex);
  const both = `${props} ${setup}`;
  const phaseText = words(phase.name, ...phase.instructions);
  switch (phase.motion) {
    case "eversion":
    case "inversion":
      if (ex.position === "seated" && /\b(strap|towel|band|belt)\b/.test(both))
        return phase.motion === "eversion" ? "strap-eversion" : "strap-inversion";
      return null;
    case "dorsiflexion":
      if (ex.position === "standing" && /\b(wall|door)\b/.test(both)) return "calf-at-wall";
      if (ex.position === "seated" && /\b(cross|crossed|across)\b/.test(setup) && /\btoes?\b/.test(phaseText)) return "toe-dorsiflexion";
      return null;
    case "plantar-flexion":
      if (ex.position === "kneeling" && /\bheels?\b/.test(setup)) return "kneeling-shin";
      if (ex.position === "seated" && /\b(cross|crossed|across)\b/.test(setup) && /\btoes?\b/.test(phaseText)) return "toe-plantar-flexion";
      return null;
    default:
      return null;
  }
}

/** The picture for a phase: the one it names, else a clear match, else its position alone; null for "none" or no known position. */
export function pictureForPhase(ex: Exercise, phase: Phase): PictureId | null {
  if (phase.picture === "none") return null;
  if (phase.picture) return phase.picture;
  return matchedPicture(ex, phase) ?? positionPictures[ex.position] ?? null;
}

/** The picture of getting into position for an exercise: its first phase's picture, shown at its start. */
export function pictureForExercise(ex: Exercise): PictureId | null {
  return ex.phases[0] ? pictureForPhase(ex, ex.phases[0]) : (positionPictures[ex.position] ?? null);
}

/**
 * How a picture is shown: its start pose (getting into position), its end pose with the arrow (print, and
 * under reduced motion), or moving between them on a gentle loop.
 */
export type PictureMode = "start" | "end" | "move";

export interface StepPicture {
  id: PictureId;
  side: Side | null;
  mode: PictureMode;
}

/**
 * What the player shows for a step: getting ready (prepare, switch side, coming back, a rest before the next
 * exercise) shows the start pose, for the side about to work; a hold shows its movement.
 */
export function pictureForStep(program: Program, step: Step, next: Step | undefined): StepPicture | null {
  if (step.kind === "done") return null;
  const target = step.kind === "rest" ? next : step;
  const ex = target?.exerciseId ? program.exercises.find((e) => e.id === target.exerciseId) : undefined;
  if (!ex || !target) return null;
  const phase = target.phaseId ? ex.phases.find((p) => p.id === target.phaseId) : undefined;
  const id = step.kind === "hold" && phase ? pictureForPhase(ex, phase) : pictureForExercise(ex);
  if (!id) return null;
  return { id, side: target.side ?? ex.firstSide, mode: step.kind === "hold" ? "move" : "start" };
}
