import { builtInPrograms } from "../../content/index.ts";
import { progressAfter } from "../core/progress.ts";
import { compileTimeline } from "../core/timeline.ts";
import { count } from "../core/words.ts";
import { intFlag, parseArgs, UsageError } from "./args.ts";
import { json, type Io } from "./output.ts";
import { loadProgram } from "./program-source.ts";

export type Command = (argv: string[], io: Io) => Promise<number>;

function onePositional(positional: string[], what: string, usage: string): string {
  if (positional.length === 0) throw new UsageError(`missing ${what}. Usage: ${usage}`);
  if (positional.length > 1) throw new UsageError(`unexpected extra argument "${positional[1]}". Usage: ${usage}`);
  return positional[0]!;
}

export const programsCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, ["json"], []);
  if (args.positional.length > 0) throw new UsageError(`"programs" takes no arguments, got "${args.positional[0]}"`);
  const list = builtInPrograms.map((p) => ({ id: p.id, title: p.title, exercises: p.exercises.length }));
  if (args.flags.has("json")) io.out(json(list));
  else for (const p of list) io.out(`${p.id}  ${p.title} (${count(p.exercises, "exercise")})`);
  return 0;
};

export const programCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, ["json"], []);
  const program = await loadProgram(onePositional(args.positional, "program id", "limber program <id|file.json> [--json]"));
  if (args.flags.has("json")) {
    io.out(json(program));
    return 0;
  }
  io.out(`${program.title}\n${program.summary}\n`);
  for (const ex of program.exercises) {
    const holds = ex.phases.map((p) => `${p.name} ${p.holdSeconds.min}-${p.holdSeconds.max} s`).join(", then ");
    const sides = ex.sides === "both" ? `each side, ${ex.firstSide} first` : "both feet together";
    io.out(
      `- ${ex.name} (${ex.position}): ${holds}; ${ex.reps.min === ex.reps.max ? count(ex.reps.min, "time") : `${ex.reps.min}-${ex.reps.max} times`}, ${sides}`,
    );
  }
  return 0;
};

export const timelineCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, ["json"], ["session"]);
  const program = await loadProgram(onePositional(args.positional, "program id", "limber timeline <id|file.json> [--session N] [--json]"));
  const session = intFlag(args, "session", 1, 1, 10_000);
  const timeline = compileTimeline(program, progressAfter(program, session - 1));
  if (args.flags.has("json")) {
    const steps = timeline.steps.map((s) => ({
      kind: s.kind,
      exerciseId: s.exerciseId,
      phase: s.phaseId,
      side: s.side,
      rep: s.rep,
      seconds: s.seconds,
    }));
    io.out(
      json({
        programId: timeline.programId,
        session,
        holdCount: timeline.holdCount,
        holdSeconds: timeline.holdSeconds,
        totalSeconds: timeline.totalSeconds,
        steps,
      }),
    );
    return 0;
  }
  for (const s of timeline.steps)
    io.out(`${String(s.offset).padStart(5)} s  ${s.kind.padEnd(11)} ${String(s.seconds).padStart(3)} s  ${s.title}`);
  io.out(`\n${count(timeline.holdCount, "hold")}, ${timeline.holdSeconds} s holding, ${Math.round(timeline.totalSeconds / 60)} min in all`);
  return 0;
};
