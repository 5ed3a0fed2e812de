import { painCallsForCare } from "./pain-rule.ts";
import type { Exercise, Phase, Program } from "./program.ts";

/**
 * Where a user stands in a program: the hold length of every phase and the repetitions of
 * every exercise they are currently on. Absent entries mean "the low end of the range".
 */
export interface ProgressState {
  programId: string;
  /** Sessions that counted toward progression (completed and not painful). */
  sessionsProgressed: number;
  exercises: Record<string, ExerciseProgress>;
}

export interface ExerciseProgress {
  reps: number;
  holds: Record<string, number>;
  /** Phases the user set by hand; progression leaves them where the user put them. */
  pinned: string[];
}

/** The shortest and longest hold a user may set by hand, in seconds. */
export const MANUAL_HOLD_LIMITS = { min: 5, max: 600 } as const;

export function initialProgress(program: Program): ProgressState {
  return { programId: program.id, sessionsProgressed: 0, exercises: {} };
}

/** The hold, in seconds, this user is currently on for one phase of one exercise. */
export function holdSecondsFor(progress: ProgressState | null, exercise: Exercise, phase: Phase): number {
  return progress?.exercises[exercise.id]?.holds[phase.id] ?? phase.holdSeconds.min;
}

/** The repetitions per side this user is currently on for one exercise. */
export function repsFor(progress: ProgressState | null, exercise: Exercise): number {
  return progress?.exercises[exercise.id]?.reps ?? exercise.reps.min;
}

/** The longest a phase's hold may grow by progression alone. */
export function progressionCeiling(exercise: Exercise, phase: Phase): number {
  return Math.max(phase.holdSeconds.max, exercise.progression.capSeconds ?? phase.holdSeconds.max);
}

function currentOf(progress: ProgressState, exercise: Exercise): ExerciseProgress {
  const existing = progress.exercises[exercise.id];
  return {
    reps: existing?.reps ?? exercise.reps.min,
    holds: Object.fromEntries(exercise.phases.map((p) => [p.id, holdSecondsFor(progress, exercise, p)])),
    pinned: existing?.pinned ?? [],
  };
}

/**
 * One exercise one session further on: unpinned holds grow by the step toward the top of their
 * range; once every unpinned hold is at the top, repetitions grow by one; once those are at the
 * top too, holds keep growing to the cap when the exercise has one ("gradually add time").
 */
export function advanceExercise(exercise: Exercise, current: ExerciseProgress): ExerciseProgress {
  const step = exercise.progression.stepSeconds;
  const free = exercise.phases.filter((p) => !current.pinned.includes(p.id));
  const holdOf = (p: Phase) => current.holds[p.id] ?? p.holdSeconds.min;
  const below = free.filter((p) => holdOf(p) < p.holdSeconds.max);
  const holds = { ...current.holds };
  if (below.length > 0) {
    for (const p of below) holds[p.id] = Math.min(p.holdSeconds.max, holdOf(p) + step);
    return { ...current, holds };
  }
  if (exercise.progression.addReps && current.reps < exercise.reps.max) {
    return { ...current, reps: current.reps + 1 };
  }
  for (const p of free) holds[p.id] = Math.max(holdOf(p), Math.min(progressionCeiling(exercise, p), holdOf(p) + step));
  return { ...current, holds };
}

/** What a finished session tells progression: whether it was completed and how it felt. */
export interface SessionOutcome {
  completed: boolean;
  painBefore: number | null;
  painAfter: number | null;
}

/**
 * A session counts toward progression when it was completed, did not leave pain higher, and did
 * not leave pain high (7 or more, see `painCallsForCare`), so the next session is never harder after one that hurt.
 */
export function sessionProgresses(outcome: SessionOutcome): boolean {
  if (!outcome.completed) return false;
  if (outcome.painBefore !== null && outcome.painAfter !== null && outcome.painAfter > outcome.painBefore) return false;
  if (painCallsForCare(outcome)) return false;
  return true;
}

/** The progression state after one session with the given outcome. */
export function advanceProgress(program: Program, progress: ProgressState, outcome: SessionOutcome): ProgressState {
  if (!sessionProgresses(outcome)) return progress;
  const exercises: Record<string, ExerciseProgress> = { ...progress.exercises };
  for (const ex of program.exercises) exercises[ex.id] = advanceExercise(ex, currentOf(progress, ex));
  return { ...progress, sessionsProgressed: progress.sessionsProgressed + 1, exercises };
}

/** The progression state a user reaches after `sessions` completed, comfortable sessions. */
export function progressAfter(program: Program, sessions: number): ProgressState {
  let p = initialProgress(program);
  for (let i = 0; i < sessions; i++) p = advanceProgress(program, p, { completed: true, painBefore: null, painAfter: null });
  return p;
}

/**
 * Sets one hold by hand, shorter or longer than progression would, and pins it there.
 * Passing `null` unpins it and lets progression take it from the value it has.
 */
export function setHoldByHand(
  program: Program,
  progress: ProgressState,
  exerciseId: string,
  phaseId: string,
  seconds: number | null,
): ProgressState {
  const ex = program.exercises.find((e) => e.id === exerciseId);
  const phase = ex?.phases.find((p) => p.id === phaseId);
  if (!ex || !phase) throw new Error(`no phase ${exerciseId}/${phaseId} in program ${program.id}`);
  const current = currentOf(progress, ex);
  if (seconds === null) {
    return {
      ...progress,
      exercises: { ...progress.exercises, [ex.id]: { ...current, pinned: current.pinned.filter((id) => id !== phaseId) } },
    };
  }
  const clamped = Math.round(Math.min(MANUAL_HOLD_LIMITS.max, Math.max(MANUAL_HOLD_LIMITS.min, seconds)));
  const pinned = current.pinned.includes(phaseId) ? current.pinned : [...current.pinned, phaseId];
  return {
    ...progress,
    exercises: { ...progress.exercises, [ex.id]: { ...current, holds: { ...current.holds, [phaseId]: clamped }, pinned } },
  };
}
