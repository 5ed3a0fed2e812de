/**
 * Importer benchmark: field accuracy on test/import-cases and the time to import each case,
 * beside two baselines measured in the same run on the same text (lower-case + split on
 * whitespace; JSON.parse of the expected structure). Run: npm run bench:import
 */
import { cpus, loadavg } from "node:os";
import { draftToProgram, importRoutine } from "../src/core/import/index.ts";
import { combineScores, formatScore, scoreDraft } from "../test/import-cases/score.ts";
import { loadCases, loadHeldOutCases } from "../test/import-cases/cases.ts";

const RUNS = Number(process.env.RUNS ?? 200);

function stats(samples: number[]): { median: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p99: at(0.99) };
}

function time(runs: number, f: () => unknown): number[] {
  for (let i = 0; i < Math.min(20, runs); i++) f();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    out.push(performance.now() - t0);
  }
  return out;
}

const ms = (n: number) => n.toFixed(3);
const cases = loadCases();

const scores = cases.map((c) => scoreDraft(importRoutine(c.text), c.expected, c.name));
const all = combineScores(scores);

console.log(`# Importer benchmark`);
console.log(`date ${new Date().toISOString()}  node ${process.version}  cpus ${cpus().length}  load ${loadavg().map((l) => l.toFixed(2)).join(" ")}  runs ${RUNS}`);
console.log(`\n## Field accuracy over ${cases.length} cases (${cases.length - 1} written routines + the seed article)\n`);
console.log(formatScore(all));
if (all.misses.length > 0) console.log(`\nmisses:\n${all.misses.map((m) => `  ${m}`).join("\n")}`);

const heldOut = loadHeldOutCases();
const held = combineScores(heldOut.map((c) => scoreDraft(importRoutine(c.text), c.expected, c.name)));
console.log(`\n## Field accuracy on ${heldOut.length} held-out routines (written after the rules were settled; never tuned on)\n`);
console.log(formatScore(held));
if (held.misses.length > 0) console.log(`\nmisses:\n${held.misses.map((m) => `  ${m}`).join("\n")}`);

console.log(`\n## Import time per case, ms (median / p99 over ${RUNS} runs)\n`);
console.log(`| case | chars | import+convert | baseline: lowercase+split | baseline: JSON.parse expected |`);
console.log(`|---|---:|---:|---:|---:|`);
const importMedians: number[] = [];
const importAll: number[] = [];
const splitAll: number[] = [];
const parseAll: number[] = [];
for (const c of cases) {
  const expectedJson = JSON.stringify(c.expected);
  const imp = time(RUNS, () => draftToProgram(importRoutine(c.text)));
  const split = time(RUNS, () => c.text.toLowerCase().split(/\s+/));
  const parse = time(RUNS, () => JSON.parse(expectedJson));
  importAll.push(...imp);
  splitAll.push(...split);
  parseAll.push(...parse);
  const [i, s, p] = [stats(imp), stats(split), stats(parse)];
  importMedians.push(i.median);
  console.log(`| ${c.name} | ${c.text.length} | ${ms(i.median)} / ${ms(i.p99)} | ${ms(s.median)} / ${ms(s.p99)} | ${ms(p.median)} / ${ms(p.p99)} |`);
}
const [ia, sa, pa] = [stats(importAll), stats(splitAll), stats(parseAll)];
console.log(`| all cases | - | ${ms(ia.median)} / ${ms(ia.p99)} | ${ms(sa.median)} / ${ms(sa.p99)} | ${ms(pa.median)} / ${ms(pa.p99)} |`);

let big = "";
for (let i = 0; big.length < 100_000; i++) big += `${cases[i % cases.length]!.text}\n\n`;
big = big.slice(0, 100_000);
const bigRuns = Math.max(10, Math.round(RUNS / 10));
const [bi, bs] = [stats(time(bigRuns, () => draftToProgram(importRoutine(big)))), stats(time(bigRuns, () => big.toLowerCase().split(/\s+/)))];
console.log(`\n## 100 KB input (all cases repeated), ms (median / p99 over ${bigRuns} runs)\n`);
console.log(`import+convert ${ms(bi.median)} / ${ms(bi.p99)}   baseline lowercase+split ${ms(bs.median)} / ${ms(bs.p99)}`);

// Without the HTML cases the text is read as markdown, keeps its line breaks and yields far more
// (smaller) exercises per kilobyte: the heaviest realistic shape measured.
let plainBig = "";
const plainCases = cases.filter((c) => !c.text.includes("<"));
for (let i = 0; plainBig.length < 100_000; i++) plainBig += `${plainCases[i % plainCases.length]!.text}\n\n`;
plainBig = plainBig.slice(0, 100_000);
const exercisesIn = importRoutine(plainBig).exercises.length;
const [pi, ps] = [stats(time(bigRuns, () => draftToProgram(importRoutine(plainBig)))), stats(time(bigRuns, () => plainBig.toLowerCase().split(/\s+/)))];
console.log(`\n## 100 KB input, plain and markdown cases only (${exercisesIn} exercises), ms (median / p99 over ${bigRuns} runs)\n`);
console.log(`import+convert ${ms(pi.median)} / ${ms(pi.p99)}   baseline lowercase+split ${ms(ps.median)} / ${ms(ps.p99)}`);

const traps: Record<string, string> = {
  "one long run of spaces": `Stretch ${" ".repeat(99_980)}x`,
  "heading ending in 100k dots": `# Calf stretch${".".repeat(99_980)}`,
  "glossary weight ending in 100k commas": `Inversion is the turn. This weight${",".repeat(99_950)}.`,
  "label then 50k ' -'": `Calf stretch: hold 30s${" -".repeat(49_980)}`,
  "50k '1-' range joiners": `hold ${"1-".repeat(49_990)}seconds`,
  "50k 'x1' repetitions": "x1".repeat(50_000),
  "10k 'Hold 30s,' in one sentence": "Hold 30s, ".repeat(10_000),
};
console.log(`\n## Adversarial 100 KB inputs, ms (median / p99 over ${bigRuns} runs; not asserted by tests)\n`);
console.log(`| input | import+convert | baseline lowercase+split |`);
console.log(`|---|---:|---:|`);
for (const [name, text] of Object.entries(traps)) {
  const [t, b] = [stats(time(bigRuns, () => draftToProgram(importRoutine(text)))), stats(time(bigRuns, () => text.toLowerCase().split(/\s+/)))];
  console.log(`| ${name} | ${ms(t.median)} / ${ms(t.p99)} | ${ms(b.median)} / ${ms(b.p99)} |`);
}
