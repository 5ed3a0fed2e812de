/**
 * The importer on real public routine texts (test/import-cases/corpus): field accuracy, exact
 * movement counts and confidence calibration on the development, calibration and held-out parts,
 * beside the importer as it was at BASELINE_COMMIT, run in the same bench on the same texts; and whether
 * import time stays linear in the length of the text. Part of bench/import.ts.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { ImportDraft } from "../src/core/import/draft.ts";
import { CALIBRATION_FIT } from "../src/core/import/calibration-table.ts";
import { readRoutine } from "../src/core/import/import-routine.ts";
import { draftToProgram, importRoutine } from "../src/core/import/index.ts";
import { FIT_SOURCES, judgedOnCalibration } from "../test/import-cases/calibration-fit.ts";
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
  const parts = { dev: loadCorpus("dev"), calibration: loadCorpus("calibration"), "held-out": loadCorpus("held-out") } as const;
  const results = Object.fromEntries(
    Object.entries(parts).map(([name, cases]) => [name, { now: scoreAll(cases, importRoutine), then: scoreAll(cases, old) }]),
  ) as Record<keyof typeof parts, { now: ReturnType<typeof scoreAll>; then: ReturnType<typeof scoreAll> }>;

  say("## Importer on real texts: the corpus (bench/import.ts, bench/import-corpus.ts)");
  say("");
  for (const line of runHeader(run)) say(line);
  say(
    `Texts: test/import-cases/corpus, short excerpts of real public routine texts: ${parts.dev.length} development texts (rules are written against them), ${parts.calibration.length} calibration texts (collected later; no rule is written against them; the confidence table is chosen on them) and ${parts["held-out"].length} held-out texts (fixed before any rule was written; nothing is written or chosen from them). ` +
      `Baseline: the importer at commit ${BASELINE_COMMIT}, taken from git and run in this same bench on the same texts, scored by the same code. ` +
      "Fields are scored per expected movement, matched in order (a missed or extra movement shifts the ones after it); equipment is not labelled in the corpus and not scored; sets and breaths are scored where the text gives them.",
  );
  say("");
  const names = Object.keys(parts) as (keyof typeof parts)[];
  say(`| field | ${names.map((n) => `${n}, today | ${n}, ${BASELINE_COMMIT}`).join(" | ")} |`);
  say(`|---|${names.map(() => "---:|---:").join("|")}|`);
  const row = (label: string, cell: (r: ReturnType<typeof scoreAll>, n: keyof typeof parts) => string) =>
    say(`| ${label} | ${names.map((n) => `${cell(results[n].now, n)} | ${cell(results[n].then, n)}`).join(" | ")} |`);
  for (const f of SCORED_FIELDS.filter((f) => f !== "exercises" && f !== "equipment"))
    row(f, ({ score: s }) => `${pct(s.fields[f].correct, s.fields[f].total)} (${s.fields[f].correct}/${s.fields[f].total})`);
  row("**all fields**", ({ score: s }) => `**${pct(s.correct, s.total)}** (${s.correct}/${s.total})`);
  row("**movement count exact**", (r, n) => `**${pct(r.exact, parts[n].length)}** (${r.exact}/${parts[n].length})`);
  say("");
  say(
    "Targets on the held-out part: at least 95% of fields and 90% of movement counts. The calibration part is the other measure of text no rule was written against.",
  );

  say("");
  say(
    `**Confidence** — a value is shown as sure at ${SURE_FROM} or more; it carries a "Check" mark below ${CHECK_BELOW} or when the text did not give it (src/web/import/field-origins.ts). ` +
      `Today's table (src/core/import/calibration-table.ts, written by bench/calibrate-import.ts) is fitted on ${CALIBRATION_FIT.source} at width z ${CALIBRATION_FIT.z}, both chosen by how fits did on calibration texts they had not seen; the baseline's confidences are its fixed rule scores. ` +
      "Values of movements the importer missed are not shown, so not counted here. Targets on held-out: sure values right at least 95% of the time, Check marks on at least 80% of wrong values.",
  );
  say("");
  const fitSource = FIT_SOURCES.find((f) => f === CALIBRATION_FIT.source);
  if (fitSource === undefined) throw new Error(`calibration-table.ts names an unknown fit: ${CALIBRATION_FIT.source}`);
  const fittedOnCalibration = fitSource !== "dev";
  /** The calibration part judged as new text: each text by the same fit made without its fold (when the table was fitted on the part). */
  const calibrationUnseen = () => {
    const ruleScored = (cases: readonly ImportCase[]) => cases.map((c) => shownValues(readRoutine(c.text), c.expected));
    const texts = { dev: ruleScored(parts.dev), calibration: ruleScored(parts.calibration) };
    return formatCalibration(calibrationOf(judgedOnCalibration(texts, fitSource, CALIBRATION_FIT.z)));
  };
  for (const [name, cases] of Object.entries(parts)) {
    for (const [who, read] of [
      ["today", importRoutine],
      [BASELINE_COMMIT, old],
    ] as const) {
      const values = cases.flatMap((c) => shownValues(read(c.text), c.expected));
      const calibrationToday = name === "calibration" && who === "today";
      const note = !calibrationToday
        ? ""
        : fittedOnCalibration
          ? " (the table was fitted on these texts too)"
          : " (the table was not fitted on these texts; which fit and width to use was chosen on them)";
      say(`- ${name}, ${who}${note}: ${formatCalibration(calibrationOf(values))}`);
      if (calibrationToday && fittedOnCalibration)
        say(`- calibration, today, each text judged by the same fit made without its fold (as new text): ${calibrationUnseen()}`);
    }
  }

  // Linear: import time for the whole corpus repeated to 25, 50, 100 and 200 KB.
  // The same texts as before the calibration part existed, so timings stay comparable with earlier runs.
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
