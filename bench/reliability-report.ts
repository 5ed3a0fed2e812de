import { readFile, writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";

const BENCHMARKS = fileURLToPath(new URL("../BENCHMARKS.md", import.meta.url));

/** One line naming the machine and how busy it was, for a BENCHMARKS.md section. */
export function machineLine(): string {
  return (
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, shared with other engineers' work ` +
    `(1-minute load average ${loadavg()[0]!.toFixed(1)} when this section was written); Node ${process.version}.`
  );
}

/** Replaces (or appends) the section between `<!-- name:start -->` and `<!-- name:end -->` in BENCHMARKS.md. */
export async function writeSection(name: string, lines: string[]): Promise<void> {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = [start, ...lines, end].join("\n");
  let doc = await readFile(BENCHMARKS, "utf8");
  if (doc.includes(start) && doc.includes(end)) doc = doc.slice(0, doc.indexOf(start)) + section + doc.slice(doc.indexOf(end) + end.length);
  else doc = `${doc.trimEnd()}\n\n${section}\n`;
  await writeFile(BENCHMARKS, doc);
  console.log(section);
}

/** The p-th percentile (0-100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
