import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataFolderBusy, LOCK_FILE, lockDataFolder } from "./data-lock.ts";

describe("lockDataFolder", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "limber-lock-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes this process's pid and command, refuses a second hold, and frees the folder on release", async () => {
    const release = await lockDataFolder(dir);
    const record = JSON.parse(await readFile(join(dir, LOCK_FILE), "utf8"));
    expect(record.pid).toBe(process.pid);
    expect(typeof record.command).toBe("string");
    await expect(lockDataFolder(dir)).rejects.toBeInstanceOf(DataFolderBusy);
    await release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const again = await lockDataFolder(dir);
    await again();
  });

  it("refuses a folder held by another live process, naming the process", async () => {
    const other = spawn("sleep", ["30"]);
    try {
      await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: other.pid, command: "limber serve --data there" }));
      const error = await lockDataFolder(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataFolderBusy);
      expect((error as Error).message).toContain(`in use by process ${other.pid} (limber serve --data there)`);
      expect(JSON.parse(await readFile(join(dir, LOCK_FILE), "utf8")).pid).toBe(other.pid);
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left by a process that has died, by an earlier life of this pid, or half written", async () => {
    const gone = spawn("true");
    await new Promise((r) => gone.once("exit", r));
    for (const left of [
      JSON.stringify({ pid: gone.pid, command: "crashed" }),
      JSON.stringify({ pid: process.pid, command: "before a restart" }),
      '{"pi',
    ]) {
      await writeFile(join(dir, LOCK_FILE), left);
      const release = await lockDataFolder(dir);
      expect(JSON.parse(await readFile(join(dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
      await release();
    }
  });

  it("takes over a lock whose holder was killed but not yet reaped (a zombie), at once", async () => {
    // sh starts a child that exits at once, then becomes a `sleep` that never waits for it: a zombie for 5 s.
    const parent = spawn("sh", ["-c", "sleep 0 & echo $!; exec sleep 5"], { stdio: ["ignore", "pipe", "ignore"] });
    const zombie = Number(await new Promise<string>((done) => parent.stdout!.once("data", (d) => done(String(d).trim()))));
    for (let i = 0; i < 50 && !(await readFile(`/proc/${zombie}/stat`, "utf8")).includes(") Z "); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect((await readFile(`/proc/${zombie}/stat`, "utf8")).includes(") Z ")).toBe(true);
    expect(() => process.kill(zombie, 0)).not.toThrow();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: zombie, command: "limber serve", since: "2026-12-01T00:00:00Z" }));
    const release = await lockDataFolder(dir);
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
    await release();
    parent.kill("SIGKILL");
  });

  it("leaves alone a lock another process took after this one's was removed", async () => {
    const release = await lockDataFolder(dir);
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, command: "someone else" }));
    await release();
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), "utf8")).pid).toBe(1);
  });
});
