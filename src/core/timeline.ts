import { DEFAULT_SECONDS_PER_BREATH, DEFAULT_SET_REST_SECONDS } from "./program-defaults.ts";
import type { Exercise, Motion, Phase, Program, Side } from "./program.ts";
import { holdSecondsFor, repsFor, type ProgressState } from "./progress.ts";
import { count, inWords, plural } from "./words.ts";

export type StepKind = "prepare" | "hold" | "release" | "switch-side" | "rest" | "done";

/** One timed moment of a session. Plain data: it serialises, and every shell renders it. */
export interface Step {
  kind: StepKind;
  /** Planned length in whole seconds; 0 only for "done". */
  seconds: number;
  /** Seconds from the start of the session when nothing is paused or skipped. */
  offset: number;
  exerciseId: string | null;
  exerciseName: string | null;
  phaseId: string | null;
  phaseName: string | null;
  motion: Motion | null;
  /** The foot being worked; null when both work together or between exercises. */
  side: Side | null;
  rep: number | null;
  reps: number | null;
  /** A one-line label for the screen. */
  title: string;
  /** What a voice says as the step begins. */
  say: string;
}

export interface Timeline {
  programId: string;
  programVersion: number;
  steps: Step[];
  totalSeconds: number;
  holdCount: number;
  holdSeconds: number;
}

/** Which foot a step works, in words: "Left foot", "Right foot" or "Both feet". */
export const sideLabel = (side: Side | null) => (side === null ? "Both feet" : side === "left" ? "Left foot" : "Right foot");
const otherSide = (side: Side): Side => (side === "left" ? "right" : "left");

/** The sides an exercise is worked on, in order; [null] when both feet work together. */
export function sidesOf(exercise: Exercise): (Side | null)[] {
  if (exercise.sides === "none" || exercise.firstSide === null) return [null];
  return [exercise.firstSide, otherSide(exercise.firstSide)];
}

type Draft = Omit<Step, "offset">;

function base(exercise: Exercise | null, side: Side | null): Pick<Draft, "exerciseId" | "exerciseName" | "side"> {
  return { exerciseId: exercise?.id ?? null, exerciseName: exercise?.name ?? null, side };
}

const noPhase = { phaseId: null, phaseName: null, motion: null, rep: null, reps: null } as const;

/** 0–69 in words, as a voice says a count ("five", "twenty-one"); larger numbers as digits. */
export function countInWords(n: number): string {
  return inWords(n, 69);
}

/** "Hold for 30 seconds", or for a hold given in breaths "Hold for five breaths" (seconds over seconds per breath, at least one). */
export function holdWords(phase: Phase, seconds: number, secondsPerBreath: number): string {
  if (phase.holdIn !== "breaths") return `Hold for ${count(seconds, "second")}.`;
  const breaths = Math.max(1, Math.round(seconds / secondsPerBreath));
  return `Hold for ${countInWords(breaths)} ${plural(breaths, "breath")}.`;
}

function holdStep(
  exercise: Exercise,
  phase: Phase,
  side: Side | null,
  rep: number,
  reps: number,
  seconds: number,
  secondsPerBreath: number,
): Draft {
  const firstTime = rep === 1;
  const hold = holdWords(phase, seconds, secondsPerBreath);
  const say = firstTime ? `${phase.name}. ${phase.instructions.join(" ")} ${hold}` : `${phase.name}. ${hold}`;
  return {
    kind: "hold",
    seconds,
    ...base(exercise, side),
    phaseId: phase.id,
    phaseName: phase.name,
    motion: phase.motion,
    rep,
    reps,
    title: `${phase.name} · ${sideLabel(side)} · ${rep} of ${reps}`,
    say,
  };
}

function exerciseSteps(exercise: Exercise, progress: ProgressState | null, secondsPerBreath: number): Draft[] {
  const reps = repsFor(progress, exercise);
  const out: Draft[] = [];
  sidesOf(exercise).forEach((side, sideIndex) => {
    if (sideIndex === 0) {
      out.push({
        kind: "prepare",
        seconds: exercise.setupSeconds,
        ...base(exercise, side),
        ...noPhase,
        title: `Get ready: ${exercise.name} · ${sideLabel(side)}`,
        say: `${exercise.name}. ${sideLabel(side)}${side ? " first" : ""}. ${exercise.setup.join(" ")}`,
      });
    } else {
      out.push({
        kind: "switch-side",
        seconds: exercise.setupSeconds,
        ...base(exercise, side),
        ...noPhase,
        title: `Switch to the ${side} foot`,
        say: `Switch sides. Now the ${side} foot. ${exercise.setup.join(" ")}`,
      });
    }
    const sets = exercise.sets ?? 1;
    for (let set = 1; set <= sets; set++) {
      if (set > 1) {
        out.push({
          kind: "rest",
          seconds: exercise.setRestSeconds ?? DEFAULT_SET_REST_SECONDS,
          ...base(exercise, side),
          ...noPhase,
          title: `Rest. Next: set ${set} of ${sets}`,
          say: `Rest. Then set ${countInWords(set)} of ${countInWords(sets)}.`,
        });
      }
      for (let rep = 1; rep <= reps; rep++) {
        exercise.phases.forEach((phase, phaseIndex) => {
          out.push(holdStep(exercise, phase, side, rep, reps, holdSecondsFor(progress, exercise, phase), secondsPerBreath));
          const lastHoldOfSet = rep === reps && phaseIndex === exercise.phases.length - 1;
          if (!lastHoldOfSet && exercise.releaseSeconds > 0) {
            out.push({
              kind: "release",
              seconds: exercise.releaseSeconds,
              ...base(exercise, side),
              ...noPhase,
              title: "Ease off and return to the start position",
              say: "Ease off.",
            });
          }
        });
      }
    }
  });
  return out;
}

/**
 * Turns a program and a user's progression state into the ordered, timed steps of one session.
 * With no progress (a first session) every hold and repetition sits at the low end of its range.
 */
export function compileTimeline(program: Program, progress: ProgressState | null): Timeline {
  const drafts: Draft[] = [];
  program.exercises.forEach((exercise, i) => {
    drafts.push(...exerciseSteps(exercise, progress, program.secondsPerBreath ?? DEFAULT_SECONDS_PER_BREATH));
    const last = i === program.exercises.length - 1;
    if (!last && exercise.restSeconds > 0) {
      const next = program.exercises[i + 1]!;
      drafts.push({
        kind: "rest",
        seconds: exercise.restSeconds,
        ...base(null, null),
        ...noPhase,
        title: `Rest. Next: ${next.name}`,
        say: `Well done. Rest for a moment. Next, ${next.name}.`,
      });
    }
  });
  drafts.push({
    kind: "done",
    seconds: 0,
    ...base(null, null),
    ...noPhase,
    title: "Session complete",
    say: "That is the whole session. Well done.",
  });
  let offset = 0;
  const steps = drafts.map((d) => {
    const step: Step = { ...d, offset };
    offset += d.seconds;
    return step;
  });
  const holds = steps.filter((s) => s.kind === "hold");
  return {
    programId: program.id,
    programVersion: program.version,
    steps,
    totalSeconds: offset,
    holdCount: holds.length,
    holdSeconds: holds.reduce((sum, s) => sum + s.seconds, 0),
  };
}
