import type { Program } from "../../core/program.ts";

/**
 * Every path the Import form can show a problem on: its fields, plus each exercise's and each
 * phase's own box (for problems in parts that have no field of their own).
 */
export function formPaths(program: Pick<Program, "exercises">): Set<string> {
  const paths = new Set(["title"]);
  program.exercises.forEach((ex, i) => {
    const at = `exercises[${i}]`;
    for (const f of ["", ".name", ".position", ".equipment", ".sides", ".reps.min", ".reps.max"]) paths.add(at + f);
    if (ex.sides === "both") paths.add(`${at}.firstSide`);
    if (ex.progression?.capSeconds != null) paths.add(`${at}.progression.capSeconds`);
    if (ex.sets !== undefined) paths.add(`${at}.sets`);
    ex.phases.forEach((_, j) => {
      for (const f of ["", ".name", ".motion", ".holdSeconds.min", ".holdSeconds.max"]) paths.add(`${at}.phases[${j}]${f}`);
    });
  });
  return paths;
}
