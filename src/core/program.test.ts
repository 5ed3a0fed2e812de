import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../../content/index.ts";
import { formatPath, parseProgram } from "./program.ts";

const valid = () => structuredClone(builtInProgram(defaultProgramId)!) as Record<string, any>;

describe("parseProgram", () => {
  it("accepts the built-in program as it is", () => {
    expect(parseProgram(valid()).ok).toBe(true);
  });

  it("fills defaults for optional fields", () => {
    const p = valid();
    delete p.exercises[0].progression;
    delete p.glossary;
    const r = parseProgram(p);
    expect(r.ok && r.value.exercises[0]!.progression).toEqual({ stepSeconds: 2, capSeconds: null, addReps: true });
    expect(r.ok && r.value.glossary).toEqual([]);
  });

  it("names the field and the expectation when a hold range is upside down", () => {
    const p = valid();
    p.exercises[1].phases[0].holdSeconds = { min: 30, max: 20 };
    const r = parseProgram(p);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toContainEqual({
      path: "exercises[1].phases[0].holdSeconds.max",
      message: "min seconds must not exceed max",
    });
  });

  it("rejects an unknown position with the allowed values", () => {
    const p = valid();
    p.exercises[0].position = "upside-down";
    const r = parseProgram(p);
    expect(!r.ok && r.problems[0]!.path).toBe("exercises[0].position");
    expect(!r.ok && r.problems[0]!.message).toMatch(/seated/);
  });

  it("requires a first side for a two-sided exercise", () => {
    const p = valid();
    p.exercises[0].firstSide = null;
    const r = parseProgram(p);
    expect(!r.ok && r.problems).toContainEqual(expect.objectContaining({ path: "exercises[0].firstSide" }));
  });

  it("rejects a first side on an exercise done with both feet together", () => {
    const p = valid();
    p.exercises[3].firstSide = "left";
    expect(parseProgram(p).ok).toBe(false);
  });

  it("rejects duplicate exercise ids and duplicate phase ids", () => {
    const p = valid();
    p.exercises[1].id = p.exercises[0].id;
    p.exercises[0].phases[1].id = p.exercises[0].phases[0].id;
    const r = parseProgram(p);
    const paths = !r.ok ? r.problems.map((x) => x.path) : [];
    expect(paths).toEqual(expect.arrayContaining(["exercises[1].id", "exercises[0].phases[1].id"]));
  });

  it("rejects a progression cap below the top of a hold range", () => {
    const p = valid();
    p.exercises[3].progression.capSeconds = 40;
    const r = parseProgram(p);
    expect(!r.ok && r.problems).toContainEqual(expect.objectContaining({ path: "exercises[3].progression.capSeconds" }));
  });

  it("rejects non-whole and out-of-range numbers", () => {
    const p = valid();
    p.exercises[0].reps = { min: 1.5, max: 99 };
    const r = parseProgram(p);
    const paths = !r.ok ? r.problems.map((x) => x.path) : [];
    expect(paths).toEqual(expect.arrayContaining(["exercises[0].reps.min", "exercises[0].reps.max"]));
  });

  it("rejects ids that are not lower-case hyphenated words", () => {
    const p = valid();
    p.id = "Foot Stretches!";
    const r = parseProgram(p);
    expect(!r.ok && r.problems[0]).toMatchObject({ path: "id", message: expect.stringMatching(/lower-case/) });
  });

  it("answers a non-object with a problem at the root instead of throwing", () => {
    for (const bad of [null, 42, "program", [], undefined]) {
      const r = parseProgram(bad);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.problems[0]!.path).toBe("(root)");
    }
  });
});

describe("formatPath", () => {
  it("writes array indexes in brackets and keys with dots", () => {
    expect(formatPath(["exercises", 2, "phases", 0, "holdSeconds"])).toBe("exercises[2].phases[0].holdSeconds");
  });
});
