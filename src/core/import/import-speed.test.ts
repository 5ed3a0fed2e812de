import { describe, expect, it } from "vitest";
import { loadCases } from "../../../test/import-cases/cases.ts";
import { importRoutine } from "./index.ts";

// Timing lives in its own file so the property tests' garbage does not land in the measured runs.
const corpus = loadCases().map((c) => c.text);

/**
 * Fastest wall-clock time of `runs` calls after `warm` untimed ones. The fastest run is the one least
 * disturbed by whatever else shares this 2-core machine (other test files run beside this one), so it
 * measures what parsing costs; a catastrophic pattern is slow on every run and still fails. Medians and
 * p99 under realistic conditions are the bench's job (bench/import.ts).
 */
function fastestMs(f: () => unknown, runs = 9, warm = 10): number {
  for (let i = 0; i < warm; i++) f();
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe("importing large input", () => {
  const hundredKb = (() => {
    let text = "";
    for (let i = 0; text.length < 100_000; i++) text += `${corpus[i % corpus.length]}\n\n`;
    return text.slice(0, 100_000);
  })();

  it("parses 100 KB of routines (every case, repeated) in under 50 ms (fastest of 9 runs)", () => {
    const fastest = fastestMs(() => importRoutine(hundredKb));
    console.log(`100 KB import: fastest of 9 runs ${fastest.toFixed(1)} ms`);
    expect(fastest).toBeLessThan(50);
  });

  it("parses 100 KB of one repeated character, a worst case for backtracking, in under 50 ms (fastest of 9 runs)", () => {
    for (const ch of ["a", "1", "-", "*", "<", " ", "\n", "."]) {
      expect(fastestMs(() => importRoutine(ch.repeat(100_000)))).toBeLessThan(50);
    }
  });

  it("parses 100 KB made of long runs that trip backtracking patterns (spaces, dots, commas) in under 50 ms (fastest of 9 runs)", () => {
    const traps = [
      `Stretch ${" ".repeat(99_980)}x`,
      `# Calf stretch${".".repeat(99_980)}`,
      `Inversion is the turn. This weight${",".repeat(99_950)}.`,
      `Step${" ".repeat(99_990)}1`,
      `Calf stretch:${":".repeat(99_980)} hold 30s`,
    ];
    for (const text of traps) expect(fastestMs(() => importRoutine(text))).toBeLessThan(50);
  });
});
