import { readFile } from "node:fs/promises";
import { draftToProgram, importRoutine, type ImportDraft, type ImportWarning, type Span } from "../core/import/index.ts";
import { parseArgs, UsageError } from "./args.ts";
import type { Command } from "./commands.ts";
import { json } from "./output.ts";
import { count, plural } from "../core/words.ts";

/** Where the import command reads its text; tests pass their own. */
export interface TextSource {
  readFile: (path: string) => Promise<Uint8Array>;
  readStdin: () => Promise<Uint8Array>;
}

const nodeSource: TextSource = {
  readFile: (path) => readFile(path),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return Buffer.concat(chunks);
  },
};

const USAGE = "limber import <file|-> [--json]";

/** Thrown for input the command cannot import; main prints it and exits with 1. */
class InputError extends Error {}

async function readText(ref: string, source: TextSource): Promise<string> {
  const label = ref === "-" ? "standard input" : ref;
  let bytes: Uint8Array;
  try {
    bytes = ref === "-" ? await source.readStdin() : await source.readFile(ref);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(`no such file: ${ref}`);
    if (code === "EISDIR") throw new InputError(`${ref} is a folder, not a file. Give the path of a .txt, .md or .html file.`);
    if (code === "EACCES" || code === "EPERM") throw new InputError(`cannot read ${ref}: permission denied`);
    throw new InputError(`cannot read ${label}: ${(e as Error).message}`);
  }
  if (bytes.includes(0))
    throw new InputError(`${label} looks like a binary file, not text. Save the routine as .txt, .md or .html and try again.`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${label} is not UTF-8 text. Save it as UTF-8 (most editors offer this under "Save as") and try again.`);
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const where = (text: string, span: Span | null) => (span ? ` (line ${lineOf(text, span.start)})` : "");
const range = (r: { min: number; max: number }, unit: string) => `${r.min === r.max ? r.min : `${r.min}–${r.max}`}${unit}`;

function summary(text: string, draft: ImportDraft, warnings: ImportWarning[], title: string | null): string[] {
  const lines: string[] = [];
  lines.push(title ? `Imported "${title}": ${count(draft.exercises.length, "exercise")}` : "Nothing imported.");
  draft.exercises.forEach((e, i) => {
    const equipment = e.equipment.map((q) => [q.name.value, ...q.alternatives.map((a) => a.value)].join(" or ")).join(", ");
    const holds = e.phases.map((p) => (p.hold ? range(p.hold.value, " s") : "no hold given")).join(", then ");
    const sides =
      e.sides.value === "both"
        ? `each side, ${e.firstSide.value} first`
        : e.sides.value === "one"
          ? `${e.firstSide.value ?? "one"} side only`
          : "both sides together";
    lines.push(`${i + 1}. ${e.name.value}${where(text, e.name.span)}`);
    lines.push(
      `   ${e.position.value}${equipment ? `; ${equipment}` : ""}; hold ${holds}; ${range(e.reps.value, ` ${plural(e.reps.value.max, "time")}`)}${e.sets ? ` × ${range(e.sets.value, ` ${plural(e.sets.value.max, "set")}`)}` : ""}; ${sides}`,
    );
  });
  if (warnings.length > 0) {
    lines.push("", "Check these:");
    for (const w of warnings) lines.push(`  - ${w.message}${where(text, w.span)}`);
  }
  if (draft.unparsed.length > 0) {
    lines.push("", "Not used:");
    for (const u of draft.unparsed)
      lines.push(`  - "${u.text.length > 60 ? `${u.text.slice(0, 57)}...` : u.text}"${where(text, u.span)}: ${u.reason}`);
  }
  return lines;
}

/** Builds `limber import`, reading through the given source. */
export function makeImportCommand(source: TextSource = nodeSource): Command {
  return async (argv, io) => {
    const args = parseArgs(argv, ["json"], []);
    if (args.positional.length === 0) throw new UsageError(`missing file to import ("-" reads standard input). Usage: ${USAGE}`);
    if (args.positional.length > 1) throw new UsageError(`unexpected extra argument "${args.positional[1]}". Usage: ${USAGE}`);
    const ref = args.positional[0]!;
    let text: string;
    try {
      text = await readText(ref, source);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.err(`limber import: ${e.message}`);
      return 1;
    }
    if (text.trim() === "") {
      io.err(`limber import: ${ref === "-" ? "standard input" : ref} is empty; there is no routine to import.`);
      return 1;
    }
    const draft = importRoutine(text);
    const result = draftToProgram(draft);
    const program = result.ok ? result.program : null;
    if (args.flags.has("json")) {
      io.out(json({ program, warnings: result.warnings, unparsed: draft.unparsed, problems: result.ok ? [] : result.problems, draft }));
    } else {
      io.out(summary(text, draft, result.warnings, program?.title ?? null).join("\n"));
      if (!result.ok && draft.exercises.length > 0) for (const p of result.problems) io.err(`limber import: ${p.path}: ${p.message}`);
    }
    return result.ok ? 0 : 1;
  };
}

export const importCommand: Command = makeImportCommand();
