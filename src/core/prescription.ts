import { z } from "zod";
import { VersionNumber } from "./bounds.ts";
import type { Program } from "./program.ts";
import { setHoldByHand, type ProgressState } from "./progress.ts";
import { Schedule } from "./schedule.ts";

/** Holds a coach sets for one client: exercise id -> phase id -> seconds. */
export const HoldOverrides = z.record(z.string().min(1).max(80), z.record(z.string().min(1).max(80), z.number().int().min(5).max(600)));
export type HoldOverrides = z.infer<typeof HoldOverrides>;

/** A program given to a client (or chosen by a client for themselves) on a schedule. */
export const Prescription = z.object({
  programId: z.string().min(1).max(80),
  programVersion: VersionNumber,
  schedule: Schedule,
  holdOverrides: HoldOverrides.default({}),
  note: z.string().trim().max(1000).default(""),
});
export type Prescription = z.infer<typeof Prescription>;

/** Problems with overrides that name exercises or phases the program does not have. */
export function overrideProblems(program: Program, overrides: HoldOverrides): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const [exerciseId, phases] of Object.entries(overrides)) {
    const exercise = program.exercises.find((e) => e.id === exerciseId);
    if (!exercise) {
      problems.push({ path: `holdOverrides.${exerciseId}`, message: `program "${program.id}" has no exercise "${exerciseId}"` });
      continue;
    }
    for (const phaseId of Object.keys(phases)) {
      if (!exercise.phases.some((p) => p.id === phaseId))
        problems.push({ path: `holdOverrides.${exerciseId}.${phaseId}`, message: `exercise "${exerciseId}" has no phase "${phaseId}"` });
    }
  }
  return problems;
}

/** The progress a session should be compiled from once a coach's hold overrides are applied. */
export function withOverrides(program: Program, progress: ProgressState, overrides: HoldOverrides): ProgressState {
  let out = progress;
  for (const [exerciseId, phases] of Object.entries(overrides)) {
    for (const [phaseId, seconds] of Object.entries(phases)) {
      const exists = program.exercises.find((e) => e.id === exerciseId)?.phases.some((p) => p.id === phaseId);
      if (exists) out = setHoldByHand(program, out, exerciseId, phaseId, seconds);
    }
  }
  return out;
}
