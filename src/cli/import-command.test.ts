import { describe, expect, it } from "vitest";
import { Program } from "../core/program.ts";
import { makeImportCommand, type TextSource } from "./import-command.ts";
import type { Io } from "./output.ts";

const encode = (text: string) => new TextEncoder().encode(text);
const routine = "Calf stretch: stand facing a wall, left foot back. Hold 20-30 seconds. Repeat 3 times on each side.";

function run(argv: string[], files: Record<string, Uint8Array | Error>, stdin = encode("")) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const source: TextSource = {
    readFile: async (path) => {
      const f = files[path];
      if (f === undefined) throw Object.assign(new Error("missing"), { code: "ENOENT" });
      if (f instanceof Error) throw f;
      return f;
    },
    readStdin: async () => stdin,
  };
  return makeImportCommand(source)(argv, io).then((code) => ({ code, out: out.join("\n"), err: err.join("\n") }));
}

describe("limber import", () => {
  it("prints the program and its warnings as JSON with --json", async () => {
    const r = await run(["r.txt", "--json"], { "r.txt": encode(routine) });
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out) as { program: unknown; warnings: unknown[] };
    const program = Program.parse(body.program);
    expect(program.exercises.map((e) => [e.name, e.position, e.sides, e.firstSide, e.reps, e.phases.map((p) => p.holdSeconds)])).toEqual([
      ["Calf stretch", "standing", "both", "left", { min: 3, max: 3 }, [{ min: 20, max: 30 }]],
    ]);
    expect(body.warnings).toEqual([]);
  });

  it("lists each warning with the span of text it is about", async () => {
    const noHold = "Calf stretch: stand facing a wall, left foot back. Repeat 3 times on each side.";
    const r = await run(["r.txt", "--json"], { "r.txt": encode(noHold) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).warnings).toEqual([
      { message: "Calf stretch: no hold time found.", span: { start: 0, end: 12 } },
      {
        message: "Calf stretch: no hold time given; each hold set to 3 s. Change it if the routine means otherwise.",
        span: { start: 0, end: 12 },
      },
    ]);
  });

  it("prints a readable summary without --json", async () => {
    const r = await run(["r.txt"], { "r.txt": encode(routine) });
    expect(r.code).toBe(0);
    expect(r.out).toContain("1. Calf stretch");
    expect(r.out).toContain("hold 20–30 s");
  });

  it("reads standard input when the file is '-'", async () => {
    const r = await run(["-", "--json"], {}, encode(routine));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).program.exercises).toHaveLength(1);
  });

  it("explains a missing file and exits non-zero", async () => {
    const r = await run(["nope.txt"], {});
    expect(r.code).toBe(1);
    expect(r.err).toContain("no such file: nope.txt");
  });

  it("explains empty input and exits non-zero", async () => {
    const r = await run(["-"], {}, encode("  \n"));
    expect(r.code).toBe(1);
    expect(r.err).toContain("standard input is empty");
  });

  it("refuses binary and non-UTF-8 files with a clear message", async () => {
    expect((await run(["a.pdf"], { "a.pdf": new Uint8Array([37, 80, 0, 1]) })).err).toContain("binary file");
    expect((await run(["a.txt"], { "a.txt": new Uint8Array([0xff, 0xfe, 0x41]) })).err).toContain("not UTF-8 text");
  });

  it("explains an unreadable file and exits non-zero", async () => {
    const r = await run(["locked.txt"], { "locked.txt": Object.assign(new Error("denied"), { code: "EACCES" }) });
    expect(r.code).toBe(1);
    expect(r.err).toContain("permission denied");
  });

  it("exits non-zero with reasons when the text holds no routine", async () => {
    const r = await run(["note.txt", "--json"], { "note.txt": encode("Our clinic is closed on Monday.") });
    expect(r.code).toBe(1);
    const body = JSON.parse(r.out) as { program: unknown; warnings: Array<{ message: string }> };
    expect(body.program).toBeNull();
    expect(body.warnings[0]!.message).toMatch(/No exercises found/);
  });
});
