import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadCases } from "../../../test/import-cases/cases.ts";
import { Program } from "../program.ts";
import { draftToProgram, importRoutine } from "./index.ts";

const corpus = loadCases().map((c) => c.text);

/** Text that looks like routines: fragments people write, joined at random. */
const routineWords = fc.constantFrom(
  "Hold for",
  "10-20 seconds",
  "30s",
  "half a minute",
  "x10",
  "2-3x",
  "each side",
  "switch to the other foot",
  "repeat",
  "three times",
  "3 sets of 10",
  "**",
  "#",
  "- ",
  "1. ",
  "\n",
  "\n\n",
  "<li>",
  "</p>",
  "&amp;",
  "Calf stretch:",
  "left",
  "right",
  "seated",
  "kneel",
  "(or towel)",
  "breaths",
  "between",
  "and",
  "to",
  "–",
  ".",
  ",",
  "build up to",
  "2 minutes",
  "Step 1:",
  "<h2>",
  "Exercise 1:",
  "only",
  "rest",
  "x",
  "9999999999 seconds",
  "0 times",
  "-5",
  "1.5 minutes",
  "½",
);
const routineLike = fc.array(routineWords, { maxLength: 60 }).map((parts) => parts.join(" "));

/** A corpus text with a slice cut, duplicated or replaced by random characters. */
const mutated = fc
  .tuple(
    fc.constantFrom(...corpus),
    fc.nat(),
    fc.nat(),
    fc.string({ maxLength: 40, unit: "binary" }),
    fc.constantFrom("cut", "dup", "swap"),
  )
  .map(([text, a, b, noise, how]) => {
    const i = a % (text.length + 1);
    const j = Math.min(text.length, i + (b % 200));
    if (how === "cut") return text.slice(0, i) + text.slice(j);
    if (how === "dup") return text.slice(0, j) + text.slice(i, j) + text.slice(i);
    return text.slice(0, i) + noise + text.slice(j);
  });

function checkTotal(text: string): void {
  const draft = importRoutine(text);
  const result = draftToProgram(draft);
  if (draft.exercises.length === 0) {
    expect(result.ok).toBe(false);
    expect(draft.warnings.length).toBeGreaterThan(0);
    return;
  }
  if (!result.ok) throw new Error(`draft did not convert: ${JSON.stringify(result.problems)}`);
  expect(Program.safeParse(result.program).success).toBe(true);
  for (const span of [...draft.warnings.map((w) => w.span), ...draft.unparsed.map((u) => u.span), ...draft.exercises.map((e) => e.span)]) {
    if (span === null) continue;
    expect(span.start).toBeGreaterThanOrEqual(0);
    expect(span.end).toBeLessThanOrEqual(text.length);
    expect(span.start).toBeLessThanOrEqual(span.end);
  }
}

describe("importing any text", () => {
  it("never throws on random text and gives a schema-valid program or an empty draft with reasons", () => {
    fc.assert(fc.property(fc.string({ maxLength: 400, unit: "binary" }), checkTotal), { numRuns: 300 });
  });

  it("never throws on routine-like fragments joined at random", () => {
    fc.assert(fc.property(routineLike, checkTotal), { numRuns: 400 });
  });

  it("never throws on mutations of the seed article and the test cases", () => {
    fc.assert(fc.property(mutated, checkTotal), { numRuns: 300 });
  });

  it("is deterministic: the same text gives the same draft", () => {
    fc.assert(
      fc.property(fc.oneof(routineLike, mutated), (text) => {
        expect(importRoutine(text)).toEqual(importRoutine(text));
      }),
      { numRuns: 50 },
    );
  });
});
