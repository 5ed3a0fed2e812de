import { describe, expect, it } from "vitest";
import { importRoutine } from "../../core/import/index.ts";
import { fieldOrigins } from "./field-origins.ts";
import { sourcePieces } from "./source-pieces.ts";

// A title over headings that match the exercises one to one: a structure the importer reads with confidence.
const text =
  "# Morning stretches\n\n## Calf stretch\nStand facing a wall. Hold for 20-30 seconds. Repeat 3 times on each side.\n\n## Knee hug\nLie on your back and hug your knees.";
const origins = fieldOrigins(importRoutine(text));
const quoted = (path: string) => origins[path]!.spans.map((s) => text.slice(s.start, s.end));

describe("where each form field's value came from", () => {
  it("points both hold fields at the words that gave the hold", () => {
    expect(quoted("exercises[0].phases[0].holdSeconds.min")).toEqual(["20-30 seconds"]);
    expect(quoted("exercises[0].phases[0].holdSeconds.max")).toEqual(["20-30 seconds"]);
    expect(origins["exercises[0].phases[0].holdSeconds.min"]!.kind).toBe("read");
  });

  it("points the name, repetitions and sides at their words", () => {
    expect(quoted("exercises[0].name")).toEqual(["Calf stretch"]);
    expect(quoted("exercises[0].reps.max")).toEqual(["3 times"]);
    expect(quoted("exercises[0].sides")).toEqual(["each side"]);
  });

  it("marks a value the text never gave as Limber's default, to be checked", () => {
    expect(origins["exercises[1].phases[0].holdSeconds.min"]).toEqual({ kind: "default", spans: [] });
    expect(origins["exercises[1].reps.min"]!.kind).toBe("default");
  });

  it("marks a value read from weak hints as unsure", () => {
    const weak = fieldOrigins(importRoutine("Shin stretch: kneel and sit back on your heels. Hold 30 seconds."));
    expect(weak["exercises[0].phases[0].motion"]!.kind).toBe("unsure");
  });

  it("shows the cap Limber chose for “gradually add time” as its own choice, against those words", () => {
    const shin = "Shin stretch: kneel and sit back on your heels. Hold for 20-60 seconds. Gradually add time.";
    const o = fieldOrigins(importRoutine(shin))["exercises[0].progression.capSeconds"]!;
    expect([o.kind, o.spans.map((s) => shin.slice(s.start, s.end))]).toEqual(["default", ["Gradually add time"]]);
  });

  it("says a phase name Limber worded itself is Limber's, not the text's", () => {
    expect(origins["exercises[0].phases[0].name"]).toEqual({ kind: "named", spans: [] });
  });
});

describe("cutting the source into highlights", () => {
  it("covers the whole text, in order, without gaps or overlaps", () => {
    const pieces = sourcePieces(text.length, origins);
    expect(pieces[0]!.start).toBe(0);
    expect(pieces[pieces.length - 1]!.end).toBe(text.length);
    for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.start).toBe(pieces[i - 1]!.end);
  });

  it("sets apart the parts the importer did not use", () => {
    const pieces = sourcePieces(30, { a: { kind: "read", spans: [{ start: 2, end: 5 }] } }, [{ start: 20, end: 30 }]);
    expect(pieces.map((p) => [p.start, p.end, p.unused])).toEqual([
      [0, 2, false],
      [2, 5, false],
      [5, 20, false],
      [20, 30, true],
    ]);
  });

  it("gives one highlight to a span that feeds two fields, naming both", () => {
    const hold = sourcePieces(text.length, origins).find((p) => text.slice(p.start, p.end) === "20-30 seconds");
    expect(hold?.fields).toEqual(["exercises[0].phases[0].holdSeconds.min", "exercises[0].phases[0].holdSeconds.max"]);
  });

  it("splits overlapping spans at every edge, so no highlight sits inside another", () => {
    const pieces = sourcePieces(20, {
      a: { kind: "read", spans: [{ start: 2, end: 10 }] },
      b: { kind: "read", spans: [{ start: 5, end: 15 }] },
    });
    expect(pieces).toEqual([
      { start: 0, end: 2, fields: [], unused: false },
      { start: 2, end: 5, fields: ["a"], unused: false },
      { start: 5, end: 10, fields: ["a", "b"], unused: false },
      { start: 10, end: 15, fields: ["b"], unused: false },
      { start: 15, end: 20, fields: [], unused: false },
    ]);
  });
});
