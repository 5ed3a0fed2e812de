import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";

/**
 * How every bench records what it measured: its own section of BENCHMARKS.md between
 * `<!-- name:start -->` and `<!-- name:end -->`, headed by the command and parameters it ran with,
 * the machine and how busy it was at the start and the end, the dates and the commit. The section
 * a new run replaces moves, unchanged, under `<!-- name:earlier:start -->` (the last KEEP_EARLIER
 * runs), so earlier figures stay as generated tables with their commit and nobody edits figures.
 */
const BENCHMARKS = fileURLToPath(new URL("../BENCHMARKS.md", import.meta.url));
const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const KEEP_EARLIER = 3;
const RUN_MARK = "<!-- run -->";
/** What a bench run depends on: a change here, not yet committed, is named in its section. Test files are not. */
const MEASURED_CODE = [
  "src",
  "bench",
  "content",
  "test/support",
  "test/import-cases",
  "e2e/support",
  "package-lock.json",
  ":(exclude)*.test.ts",
];

export interface BenchRun {
  /** The npm script, e.g. "bench:import". */
  script: string;
  /** Every knob the run used (environment variables and their values, defaults included). */
  parameters: Record<string, string | number>;
  startedAt: Date;
  loadAtStart: number;
  /** The commit measured, read when the run begins (the code it loaded). */
  commit: string;
}

/** Call first thing: notes the time and the machine's load before the bench does anything. */
export function beginRun(script: string, parameters: Record<string, string | number>): BenchRun {
  return { script, parameters, startedAt: new Date(), loadAtStart: loadavg()[0]!, commit: commitLine() };
}

const minute = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

function commitLine(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no", "--", ...MEASURED_CODE], {
      cwd: ROOT,
      encoding: "utf8",
    }).trim();
    return dirty ? `commit ${head} with uncommitted changes` : `commit ${head}`;
  } catch {
    return "commit unknown (not a git checkout)";
  }
}

/** The lines that open every section: command with parameters, dates, machine and its load, commit. */
export function runHeader(run: BenchRun): string[] {
  const params = Object.entries(run.parameters)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  const cpu = cpus();
  return [
    `Command: \`${params ? `${params} ` : ""}npm run ${run.script}\`. Date: ${minute(run.startedAt)}–${minute(new Date()).slice(11)} UTC; ${run.commit}.`,
    `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown"}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}; ` +
      `1-minute load average ${run.loadAtStart.toFixed(2)} at the start and ${loadavg()[0]!.toFixed(2)} at the end.`,
  ];
}

function between(doc: string, start: string, end: string): string | null {
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  return a === -1 || b === -1 || b < a ? null : doc.slice(a + start.length, b);
}

function replaceOrAppend(doc: string, start: string, end: string, inner: string, after?: string): string {
  const block = `${start}${inner}${end}`;
  if (between(doc, start, end) !== null) return doc.slice(0, doc.indexOf(start)) + block + doc.slice(doc.indexOf(end) + end.length);
  if (after && doc.includes(after)) {
    const at = doc.indexOf(after) + after.length;
    return `${doc.slice(0, at)}\n\n${block}${doc.slice(at)}`;
  }
  return `${doc.trimEnd()}\n\n${block}\n`;
}

/** Earlier runs kept under `name:earlier`, newest first, each as it was generated. */
function earlierRuns(doc: string, name: string): string[] {
  const inner = between(doc, `<!-- ${name}:earlier:start -->`, `<!-- ${name}:earlier:end -->`);
  if (inner === null) return [];
  return inner
    .split(RUN_MARK)
    .slice(1)
    .map((r) => r.trim())
    .filter((r) => r !== "");
}

/**
 * Writes the bench's section (heading, then `lines`) and moves the run it replaces to the top of
 * its earlier runs, its heading turned into a sub-heading. Prints the section too.
 */
export async function writeSection(name: string, lines: string[]): Promise<void> {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const earlierStart = `<!-- ${name}:earlier:start -->`;
  const earlierEnd = `<!-- ${name}:earlier:end -->`;
  let doc = await readFile(BENCHMARKS, "utf8");
  const previous = between(doc, start, end)?.trim();
  const earlier = earlierRuns(doc, name);
  if (previous) earlier.unshift(previous.replace(/^## (.*)$/m, "#### Earlier run: $1"));
  doc = replaceOrAppend(doc, start, end, `\n${lines.join("\n")}\n`);
  if (earlier.length > 0) {
    const kept = earlier.slice(0, KEEP_EARLIER);
    const inner = [
      `\n### Earlier runs of this bench, newest first, as generated (a new run moves the one it replaces here; the last ${KEEP_EARLIER} are kept)\n`,
      ...kept.map((r) => `${RUN_MARK}\n${r}\n`),
    ].join("\n");
    doc = replaceOrAppend(doc, earlierStart, earlierEnd, inner, end);
  }
  await writeFile(BENCHMARKS, doc);
  console.log(lines.join("\n"));
}

/** The p-th percentile (0-100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
