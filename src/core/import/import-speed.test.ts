import { describe, expect, it } from "vitest";
import { loadCases } from "../../../test/import-cases/cases.ts";
import { importRoutine } from "./index.ts";

// Timing lives in its own file so the property tests' garbage does not land in the measured runs.
const corpus = loadCases().map((c) => c.text);

/** Median wall-clock time of `runs` calls after `warm` untimed ones, so the JIT has settled and steady-state speed is measured. */
function medianMs(f: () => unknown, runs = 9, warm = 10): number {
  for (let i = 0; i < warm; i++) f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

describe("importing large input", () => {
  const hundredKb = (() => {
    let text = "";
    for (let i = 0; text.length < 100_000; i++) text += `${corpus[i % corpus.length]}\n\n`;
    return text.slice(0, 100_000);
  })();

  it("parses 100 KB of routines (every case, repeated) in under 50 ms, median of 9 runs", () => {
    const median = medianMs(() => importRoutine(hundredKb));
    console.log(`100 KB import: median ${median.toFixed(1)} ms over 9 runs`);
    expect(median).toBeLessThan(50);
  });

  it("parses 100 KB of one repeated character, a worst case for backtracking, in under 50 ms, median of 9 runs", () => {
    for (const ch of ["a", "1", "-", "*", "<", " ", "\n", "."]) {
      expect(medianMs(() => importRoutine(ch.repeat(100_000)))).toBeLessThan(50);
    }
  });

  it("parses 100 KB made of long runs that trip backtracking patterns (spaces, dots, commas) in under 50 ms, median of 9 runs", () => {
    const traps = [
      `Stretch ${" ".repeat(99_980)}x`,
      `# Calf stretch${".".repeat(99_980)}`,
      `Inversion is the turn. This weight${",".repeat(99_950)}.`,
      `Step${" ".repeat(99_990)}1`,
      `Calf stretch:${":".repeat(99_980)} hold 30s`,
    ];
    for (const text of traps) expect(medianMs(() => importRoutine(text))).toBeLessThan(50);
  });
});
