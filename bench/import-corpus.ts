/**
 * The importer on real public routine texts (test/import-cases/corpus): field accuracy, exact
 * movement counts and confidence calibration on the development and held-out parts, beside the
 * importer as it was at BASELINE_COMMIT, run in the same bench on the same texts; and whether
 * import time stays linear in the length of the text. Part of bench/import.ts.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { ImportDraft } from "../src/core/import/draft.ts";
import { draftToProgram, importRoutine } from "../src/core/import/index.ts";
import { calibrationOf, CHECK_BELOW, formatCalibration, shownValues, SURE_FROM } from "../test/import-cases/calibration.ts";
import { loadCorpus, type ImportCase } from "../test/import-cases/cases.ts";
import { combineScores, SCORED_FIELDS, scoreDraft, type Score } from "../test/import-cases/score.ts";
import { repoRoot } from "../test/import-cases/seed-text.ts";
import { runHeader, type BenchRun } from "./benchmarks-section.ts";

/** The importer before the corpus existed (issue 16 started from this commit). */
export const BASELINE_COMMIT = "e197bb9";

type Importer = (text: string) => ImportDraft;

/**
 * The baseline importer, callable: its src/core is taken from git (`git archive`) into
 * node_modules/.cache, where it finds the same dependencies, and imported from there.
 */
async function baselineImporter(): Promise<Importer> {
  const dir = join(repoRoot, "node_modules", ".cache", `limber-import-${BASELINE_COMMIT}`);
  if (!existsSync(join(dir, "src", "core", "import", "index.ts"))) {
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync("git", ["archive", BASELINE_COMMIT, "src/core"], { cwd: repoRoot });
    execFileSync("tar", ["-x", "-C", dir], { input: tar });
  }
  const mod = (await import(join(dir, "src", "core", "import", "index.ts"))) as { importRoutine: Importer };
  return mod.importRoutine;
}

function scoreAll(cases: readonly ImportCase[], read: Importer): { score: Score; exact: number } {
  const scores = cases.map((c) => scoreDraft(read(c.text), c.expected, c.name));
  return { score: combineScores(scores), exact: scores.filter((s) => s.fields.exercises.correct === 1).length };
}

const pct = (a: number, b: number) => (b === 0 ? "-" : `${((100 * a) / b).toFixed(1)}%`);

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeMedian(runs: number, f: () => unknown): number {
  for (let i = 0; i < 3; i++) f();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    out.push(performance.now() - t0);
  }
  return median(out);
}

export async function corpusSection(run: BenchRun, runs: number): Promise<string[]> {
  const out: string[] = [];
  const say = (line: string) => void out.push(line);
  const old = await baselineImporter();
  const parts = { dev: loadCorpus("dev"), "held-out": loadCorpus("held-out") } as const;
  const results = Object.fromEntries(
    Object.entries(parts).map(([name, cases]) => [name, { now: scoreAll(cases, importRoutine), then: scoreAll(cases, old) }]),
  ) as Record<keyof typeof parts, { now: ReturnType<typeof scoreAll>; then: ReturnType<typeof scoreAll> }>;

  say("## Importer on real texts: the corpus (bench/import.ts, bench/import-corpus.ts)");
  say("");
  for (const line of runHeader(run)) say(line);
  say(
    `Texts: test/import-cases/corpus, ${parts.dev.length} development and ${parts["held-out"].length} held-out short excerpts of real public routine texts (the held-out third was fixed before any rule was written and no rule is written against it). ` +
      `Baseline: the importer at commit ${BASELINE_COMMIT}, taken from git and run in this same bench on the same texts, scored by the same code. ` +
      "Fields are scored per expected movement, matched in order (a missed or extra movement shifts the ones after it); equipment is not labelled in the corpus and not scored; sets and breaths are scored where the text gives them.",
  );
  say("");
  say(`| field | dev, today | dev, ${BASELINE_COMMIT} | held-out, today | held-out, ${BASELINE_COMMIT} |`);
  say("|---|---:|---:|---:|---:|");
  for (const f of SCORED_FIELDS.filter((f) => f !== "exercises" && f !== "equipment")) {
    const cell = (s: Score) => `${pct(s.fields[f].correct, s.fields[f].total)} (${s.fields[f].correct}/${s.fields[f].total})`;
    say(
      `| ${f} | ${cell(results.dev.now.score)} | ${cell(results.dev.then.score)} | ${cell(results["held-out"].now.score)} | ${cell(results["held-out"].then.score)} |`,
    );
  }
  const all = (s: Score) => `**${pct(s.correct, s.total)}** (${s.correct}/${s.total})`;
  say(
    `| **all fields** | ${all(results.dev.now.score)} | ${all(results.dev.then.score)} | ${all(results["held-out"].now.score)} | ${all(results["held-out"].then.score)} |`,
  );
  const exact = (r: { exact: number }, n: number) => `**${pct(r.exact, n)}** (${r.exact}/${n})`;
  say(
    `| **movement count exact** | ${exact(results.dev.now, parts.dev.length)} | ${exact(results.dev.then, parts.dev.length)} | ${exact(results["held-out"].now, parts["held-out"].length)} | ${exact(results["held-out"].then, parts["held-out"].length)} |`,
  );
  say("");
  say("Targets on the held-out part: at least 95% of fields and 90% of movement counts.");

  say("");
  say(
    `**Confidence** — a value is shown as sure at ${SURE_FROM} or more; it carries a "Check" mark below ${CHECK_BELOW} or when the text did not give it (src/web/import/field-origins.ts). ` +
      "Today's confidences are calibrated on the development part only (bench/calibrate-import.ts writes src/core/import/calibration-table.ts); the baseline's are its fixed rule scores. Values of movements the importer missed are not shown, so not counted here. Targets on held-out: sure values right at least 95% of the time, Check marks on at least 80% of wrong values.",
  );
  say("");
  for (const [name, cases] of Object.entries(parts)) {
    for (const [who, read] of [
      ["today", importRoutine],
      [BASELINE_COMMIT, old],
    ] as const) {
      const values = cases.flatMap((c) => shownValues(read(c.text), c.expected));
      say(`- ${name}, ${who}: ${formatCalibration(calibrationOf(values))}`);
    }
  }

  // Linear: import time for the whole corpus repeated to 25, 50, 100 and 200 KB.
  const texts = [...parts.dev, ...parts["held-out"]].map((c) => c.text);
  const sized = (n: number) => {
    let t = "";
    for (let i = 0; t.length < n; i++) t += `${texts[i % texts.length]}\n\n`;
    return t.slice(0, n);
  };
  const bigRuns = Math.max(9, Math.round(runs / 10));
  say("");
  say(
    `**Import time on corpus text** (all ${texts.length} texts repeated), ms, median of ${bigRuns} runs of importRoutine + draftToProgram after 3 warm-up runs:`,
  );
  say("");
  say("| size | today | ms per 10 KB | " + `${BASELINE_COMMIT} |`);
  say("|---:|---:|---:|---:|");
  for (const kb of [25, 50, 100, 200]) {
    const text = sized(kb * 1000);
    const now = timeMedian(bigRuns, () => draftToProgram(importRoutine(text)));
    const then = timeMedian(bigRuns, () => old(text));
    say(`| ${kb} KB | ${now.toFixed(1)} | ${((now / kb) * 10).toFixed(2)} | ${then.toFixed(1)} |`);
  }
  say("");
  say("Linear when the time per 10 KB stays about the same from 25 to 200 KB. The baseline column times importRoutine alone.");
  return out;
}
