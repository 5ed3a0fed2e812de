import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, overHttp, sessionLog } from "../support/api-client.ts";
import { spawnServer, type ServerProcess } from "../support/server-process.ts";

const LIMBER = fileURLToPath(new URL("../../bin/limber.js", import.meta.url));

/** Runs the real CLI as the operator would, on the embedded database in `dataDir`. */
function limber(dataDir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [LIMBER, ...args, "--data", dataDir],
      { env: { ...process.env, DATABASE_URL: "", LIMBER_PUBLIC_URL: "" } },
      (error, out, err) => done({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

const tokenIn = (text: string) => /#\/reset\/([A-Za-z0-9_-]{43})\s/.exec(text)?.[1];

describe("limber reset-link, for the operator of a server on the embedded database", () => {
  let dir: string;
  let dataDir: string;
  let server: ServerProcess;
  let email: string;
  const log = sessionLog({ notes: "saved before the password was forgotten" });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "limber-reset-"));
    dataDir = join(dir, "data");
    server = await spawnServer(["--data", dataDir]);
    const person = new ApiClient(overHttp, server.url);
    ({ email } = await person.signUp());
    expect((await person.post("/api/logs", log)).status).toBe(201);
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("asks the running server for a link at the address people use, and the link sets the password once", async () => {
    const r = await limber(dataDir, "reset-link", email.toUpperCase(), "--url", "https://limber.example.org/");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`for Test User <${email}>`);
    expect(r.out).toMatch(/https:\/\/limber\.example\.org\/#\/reset\/[A-Za-z0-9_-]{43}\n/);
    expect(r.out).toMatch(/works once, until \S+ \(30 minutes\)/);
    const token = tokenIn(r.out)!;

    const browser = new ApiClient(overHttp, server.url);
    expect((await browser.post("/api/auth/reset", { token, newPassword: "set from the operator's link" })).status).toBe(200);
    expect((await browser.get(`/api/logs/${log.id}`)).body.notes).toBe("saved before the password was forgotten");
    expect((await new ApiClient(overHttp, server.url).post("/api/auth/reset", { token, newPassword: "a second go" })).status).toBe(410);
  }, 60_000);

  it("keeps the operator socket and the data folder private to their owner", async () => {
    expect((await stat(join(dataDir, "operator.sock"))).mode & 0o777).toBe(0o600);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  });

  it("says plainly when no account has the email or the address is not one, and makes no link", async () => {
    const unknown = await limber(dataDir, "reset-link", "nobody@example.org");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe("limber reset-link: no account has the email nobody@example.org. No link was made.\n");
    expect(unknown.out).toBe("");
    const badUrl = await limber(dataDir, "reset-link", email, "--url", "limber.example.org");
    expect(badUrl.code).toBe(2);
    expect(badUrl.err).toMatch(/--url must be the address people open Limber at/);
    const none = await limber(dataDir, "reset-link");
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/expected one email address/);
  });

  it("refuses to open the folder a running server has open (PGlite has no lock of its own), and nothing is harmed", async () => {
    const backup = await limber(dataDir, "backup", join(dir, "while-running.jsonl"));
    expect(backup.code).toBe(1);
    expect(backup.err).toContain(`is in use by process ${server.child.pid}`);
    expect(backup.err).toContain("Stop that process first");
    expect(existsSync(join(dir, "while-running.jsonl"))).toBe(false);
    const second = await spawnServer(["--data", dataDir]).then(
      (s) => s.stop().then(() => "started"),
      (e: Error) => e.message,
    );
    expect(second).toContain(`is in use by process ${server.child.pid}`);
    const person = new ApiClient(overHttp, server.url);
    expect((await person.post("/api/auth/sign-in", { email, password: "set from the operator's link" })).status).toBe(200);
  }, 90_000);

  it("after the server was killed, takes over the dead process's lock and socket, and the link it writes reaches the restarted server", async () => {
    const exited = new Promise((r) => server.child.once("exit", r));
    server.child.kill("SIGKILL");
    await exited;
    expect(JSON.parse(await readFile(join(dataDir, "limber.lock"), "utf8")).pid).toBe(server.child.pid);
    expect(existsSync(join(dataDir, "operator.sock"))).toBe(true);

    const r = await limber(dataDir, "reset-link", email);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("If people reach Limber at another address, make the link again with --url ADDRESS.");
    expect(existsSync(join(dataDir, "limber.lock"))).toBe(false);

    server = await spawnServer(["--data", dataDir]);
    const browser = new ApiClient(overHttp, server.url);
    expect((await browser.post("/api/auth/reset", { token: tokenIn(r.out), newPassword: "set while the server was down" })).status).toBe(
      200,
    );
    expect((await browser.get(`/api/logs/${log.id}`)).body.notes).toBe("saved before the password was forgotten");
  }, 120_000);

  it("treats a lock held by another live process as busy, naming it", async () => {
    const other = join(dir, "other");
    const sleeper = spawn("sleep", ["30"]);
    try {
      await limber(other, "reset-link", "x@example.org"); // makes the folder and its database
      await writeFile(join(other, "limber.lock"), JSON.stringify({ pid: sleeper.pid, command: "something else" }));
      const busy = await limber(other, "reset-link", "x@example.org");
      expect(busy.code).toBe(1);
      expect(busy.err).toContain(`in use by process ${sleeper.pid} (something else)`);
    } finally {
      sleeper.kill();
    }
  }, 60_000);
});
