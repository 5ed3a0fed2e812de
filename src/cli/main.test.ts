import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { builtInProgram } from "../../content/index.ts";
import { Program } from "../core/program.ts";
import { main } from "./main.ts";

const run = promisify(execFile);
const bin = join(import.meta.dirname, "../../bin/limber.js");

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("limber CLI", () => {
  it("lists the built-in programs as JSON", async () => {
    const r = await cli("programs", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toContainEqual(expect.objectContaining({ id: "foot-stretches-for-lower-back-pain", exercises: 4 }));
  });

  it("prints a program as JSON that round-trips through the schema", async () => {
    const r = await cli("program", "foot-stretches-for-lower-back-pain", "--json");
    const program = Program.parse(JSON.parse(r.out));
    expect(program).toEqual(builtInProgram("foot-stretches-for-lower-back-pain"));
    expect(program.exercises[0]!.phases[0]).toMatchObject({ motion: "eversion", holdSeconds: { min: 10, max: 20 } });
  });

  it("gives session 1 as 25 holds totalling 380 seconds", async () => {
    const r = await cli("timeline", "foot-stretches-for-lower-back-pain", "--session", "1", "--json");
    const t = JSON.parse(r.out);
    const holds = t.steps.filter((s: { kind: string }) => s.kind === "hold");
    expect(holds).toHaveLength(25);
    expect(holds.reduce((sum: number, s: { seconds: number }) => sum + s.seconds, 0)).toBe(380);
    expect(Object.keys(t.steps[0]).sort()).toEqual(["exerciseId", "kind", "phase", "rep", "seconds", "side"]);
  });

  it("gives longer holds in later sessions", async () => {
    const first = JSON.parse((await cli("timeline", "foot-stretches-for-lower-back-pain", "--json")).out);
    const fifth = JSON.parse((await cli("timeline", "foot-stretches-for-lower-back-pain", "--session", "5", "--json")).out);
    expect(fifth.holdSeconds).toBeGreaterThan(first.holdSeconds);
  });

  it("explains an unknown program id and exits non-zero", async () => {
    const r = await cli("program", "no-such-program");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown program "no-such-program".*foot-stretches-for-lower-back-pain/s);
  });

  it("explains an unknown command", async () => {
    const r = await cli("stretch");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command "stretch"/);
  });

  it("explains an unknown flag, naming the ones accepted", async () => {
    const r = await cli("timeline", "foot-stretches-for-lower-back-pain", "--sesion", "2");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown option --sesion.*--session/);
  });

  it("rejects a session number that is not a positive whole number", async () => {
    for (const bad of ["0", "two", "-1", "1.5"]) {
      const r = await cli("timeline", "foot-stretches-for-lower-back-pain", "--session", bad);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/--session/);
    }
  });

  it("lists every problem in a malformed program file with its field path", async () => {
    const dir = await mkdtemp(join(tmpdir(), "limber-cli-"));
    const file = join(dir, "bad.json");
    await writeFile(file, JSON.stringify({ id: "x", title: "T", summary: "S", exercises: [{ id: "a", reps: { min: 3, max: 1 } }] }));
    const r = await cli("program", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain("is not a valid Limber program");
    expect(r.err).toContain("exercises[0].name");
    expect(r.err).toContain("exercises[0].reps.max: min repetitions must not exceed max");
  });

  it("reports a program file that is not JSON", async () => {
    const dir = await mkdtemp(join(tmpdir(), "limber-cli-"));
    const file = join(dir, "broken.json");
    await writeFile(file, "{ not json");
    const r = await cli("timeline", file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is not valid JSON/);
  });

  it("reports a missing program file", async () => {
    const r = await cli("program", "./missing/routine.json");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no such program file/);
  });

  it("runs a program from a valid file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "limber-cli-"));
    const file = join(dir, "mine.json");
    const program = JSON.parse((await cli("program", "foot-stretches-for-lower-back-pain", "--json")).out);
    program.id = "my-routine";
    program.exercises = program.exercises.slice(2, 3);
    await writeFile(file, JSON.stringify(program));
    const t = JSON.parse((await cli("timeline", file, "--json")).out);
    expect(t.programId).toBe("my-routine");
    expect(t.holdCount).toBe(4);
  });

  it("runs as a real process through the bin script", async () => {
    const { stdout } = await run(process.execPath, [bin, "timeline", "foot-stretches-for-lower-back-pain", "--session", "1", "--json"]);
    expect(JSON.parse(stdout).holdSeconds).toBe(380);
  });

  it("plays a whole session in the terminal player and reports it complete", async () => {
    const { stdout } = await run(process.execPath, [bin, "run", "foot-stretches-for-lower-back-pain", "--silent", "--speed", "200"], {
      timeout: 20_000,
    });
    expect(stdout).toContain("Switch sides. Now the right foot.");
    expect(stdout.trim().split("\n").at(-1)).toBe("Session complete. 25 of 25 holds, 380 s of stretching.");
  });
});
