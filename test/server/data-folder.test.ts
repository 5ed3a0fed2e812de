import { spawn } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, stat, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/server/db/database.ts";
import { MARKER_FILE } from "../../src/server/db/data-folder.ts";
import { ApiClient, inProcess, sessionLog } from "../support/api-client.ts";
import { createApp } from "../../src/server/app.ts";
import { prepareDeps } from "../../src/server/serving.ts";

const LIMBER = fileURLToPath(new URL("../../bin/limber.js", import.meta.url));

/** Runs `limber serve` on a folder until it exits (a refused folder) or says it listens (then stops it). */
/** Runs `limber check` on a folder; answers its exit code and output. */
function checkOn(dataDir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [LIMBER, "check", "--data", dataDir], {
    env: { ...process.env, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return new Promise((done) => child.once("exit", (code) => done({ code, output })));
}

function serveOn(dataDir: string): Promise<{ code: number | null; output: string; listened: boolean }> {
  const child = spawn(process.execPath, [LIMBER, "serve", "--port", "0", "--host", "127.0.0.1", "--data", dataDir], {
    env: { ...process.env, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let listened = false;
  const seen = (d: Buffer) => {
    output += d;
    if (!listened && /listening on/.test(output)) {
      listened = true;
      child.kill("SIGTERM");
    }
  };
  child.stdout!.on("data", seen);
  child.stderr!.on("data", seen);
  return new Promise((done) => child.once("exit", (code) => done({ code, output, listened })));
}

describe("data folders Limber will not open", () => {
  let root: string;
  let whole: string;
  let sessionLogsFile: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "limber-folders-"));
    whole = join(root, "whole");
    const database = await openDatabase({ kind: "pglite", dataDir: whole });
    const person = new ApiClient(inProcess(createApp(await prepareDeps(database))));
    await person.signUp();
    for (let i = 0; i < 3; i++) expect((await person.post("/api/logs", sessionLog())).status).toBe(201);
    sessionLogsFile = (await sql<{ p: string }>`select pg_relation_filepath('session_logs') as p`.execute(database.db)).rows[0]!.p;
    await database.close();
  }, 120_000);
  afterAll(() => rm(root, { recursive: true, force: true }));

  /** A copy of the folder with three logs, damaged by `harm`. */
  async function damagedCopy(name: string, harm: (dir: string) => Promise<void>): Promise<string> {
    const dir = join(root, name);
    await cp(whole, dir, { recursive: true });
    await harm(dir);
    return dir;
  }

  it.each([
    ["PG_VERSION removed", (d: string) => unlink(join(d, "PG_VERSION")), "the file PG_VERSION is missing"],
    [
      "PG_VERSION garbage",
      (d: string) => writeFile(join(d, "PG_VERSION"), "\u0001garbage"),
      "the file PG_VERSION does not hold a PostgreSQL version",
    ],
    ["pg_control removed", (d: string) => unlink(join(d, "global", "pg_control")), "the file global/pg_control is missing"],
    [
      "pg_control garbage",
      (d: string) => writeFile(join(d, "global", "pg_control"), Buffer.alloc(8192, 0x5a)),
      "the database would not start on it",
    ],
    [
      "a bad postgresql.conf line",
      (d: string) => writeFile(join(d, "postgresql.conf"), "shared_buffers = lots and lots\n", { flag: "a" }),
      "the database would not start on it",
    ],
    ["base/5 deleted", (d: string) => rm(join(d, "base", "5"), { recursive: true }), "the database would not start on it"],
    [
      "the session_logs file cut to nothing",
      (d: string) => writeFile(join(d, sessionLogsFile), ""),
      // Whichever of its indexes is read first: each points into the empty file.
      "index session_logs_",
    ],
  ])(
    "refuses a folder with %s: a message naming it and what to do, exit 1, no stack trace, nothing rewritten",
    async (name, harm, problem) => {
      const dir = await damagedCopy(name.replace(/\W+/g, "-"), harm);
      const before = (await readdir(dir)).sort();
      const result = await serveOn(dir);
      expect(result.listened).toBe(false);
      expect(result.code).toBe(1);
      expect(result.output).toContain(`limber serve: the data folder ${dir} is damaged: ${problem}`);
      expect(result.output).toContain("limber restore BACKUP.json --data NEW-FOLDER");
      expect(result.output).not.toMatch(/^\s+at /m);
      expect((await readdir(dir)).sort()).toEqual(before.filter((f) => f !== "limber.lock"));
    },
    60_000,
  );

  it("refuses a folder that is not empty and not Limber's, leaving what is in it alone", async () => {
    const dir = join(root, "someone-elses");
    await cp(join(whole, "base"), join(dir, "photos"), { recursive: true });
    await writeFile(join(dir, "notes.txt"), "my own notes");
    const result = await serveOn(dir);
    expect(result.code).toBe(1);
    expect(result.output).toContain(`limber serve: the data folder ${dir} is not empty and is not a Limber data folder`);
    expect(result.output).not.toMatch(/^\s+at /m);
    expect((await readdir(dir)).sort()).toEqual(["notes.txt", "photos"]);
    expect(await readFile(join(dir, "notes.txt"), "utf8")).toBe("my own notes");
  }, 60_000);

  it("makes a new database in an empty folder with its marker, every file readable by its owner only", async () => {
    const dir = join(root, "new");
    const result = await serveOn(dir);
    expect(result.listened).toBe(true);
    const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
    expect(files).toContain(join(dir, MARKER_FILE));
    expect(files).toContain(join(dir, "PG_VERSION"));
    const open = [];
    for (const f of files) if (((await stat(f)).mode & 0o077) !== 0) open.push(f);
    expect(open).toEqual([]);
    // And it opens again as an existing folder.
    expect((await serveOn(dir)).listened).toBe(true);
  }, 120_000);

  it("has limber check read every table and index: a whole folder passes, a session_logs file cut to nothing is reported", async () => {
    const intact = await damagedCopy("intact", async () => undefined);
    const fine = await checkOn(intact);
    expect(fine.code).toBe(0);
    expect(fine.output).toMatch(/\d+ tables and \d+ indexes read in full, no damage found/);
    const cut = await damagedCopy("cut-logs", (d) => writeFile(join(d, sessionLogsFile), ""));
    const found = await checkOn(cut);
    expect(found.code).toBe(1);
    expect(found.output).toContain(`limber check: PGlite in ${cut} is damaged:`);
    expect(found.output).toMatch(/index session_logs\S* of table session_logs/);
    expect(found.output).not.toMatch(/^\s+at /m);
  }, 120_000);
});
