import { readFile } from "node:fs/promises";
import { builtInProgram, builtInPrograms } from "../../content/index.ts";
import { parseProgram, type Program } from "../core/program.ts";
import { UsageError } from "./args.ts";

/** Reads a program named by a built-in id or by the path of a program JSON file. */
export async function loadProgram(ref: string): Promise<Program> {
  const builtIn = builtInProgram(ref);
  if (builtIn) return builtIn;
  const looksLikePath = ref.includes("/") || ref.includes("\\") || ref.endsWith(".json");
  if (!looksLikePath) {
    const known = builtInPrograms.map((p) => p.id).join(", ");
    throw new UsageError(`unknown program "${ref}". Built-in programs: ${known}. To use a file, give its path, e.g. ./my-routine.json`);
  }
  let text: string;
  try {
    text = await readFile(ref, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === "ENOENT" ? `no such program file: ${ref}` : `cannot read ${ref}: ${(e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${ref} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = parseProgram(data);
  if (!parsed.ok) {
    const lines = parsed.problems.map((p) => `  ${p.path}: ${p.message}`).join("\n");
    throw new UsageError(`${ref} is not a valid Limber program:\n${lines}`);
  }
  return parsed.value;
}
