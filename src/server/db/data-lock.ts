import { readFileSync } from "node:fs";
import { readFile, unlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

/** The file in a PGlite folder that says which process has it open. */
export const LOCK_FILE = "limber.lock";

/** Another live process has the folder open; opening it too would damage the database. */
export class DataFolderBusy extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly command: string,
  ) {
    super(
      `the data folder ${dataDir} is in use by process ${pid} (${command || "unknown command"}). ` +
        "Stop that process first: two programs writing one embedded database would damage it. " +
        `If no such process is running, delete ${join(dataDir, LOCK_FILE)}.`,
    );
  }
}

interface LockRecord {
  pid: number;
  command: string;
  since: string;
}

/** Folders this process holds, so its own pid in an old lock file is told apart from a live hold. */
const heldHere = new Set<string>();

/**
 * Whether a process is running. A process killed but not yet reaped by its parent (a zombie, as
 * a server is for a moment after kill -9) still answers signal 0, so on Linux its state is read.
 */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state !== "Z" && state !== "X";
  } catch {
    return true;
  }
}

async function readRecord(file: string): Promise<LockRecord | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<LockRecord>;
    return typeof parsed.pid === "number"
      ? { pid: parsed.pid, command: String(parsed.command ?? ""), since: String(parsed.since ?? "") }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the folder for this process, like PostgreSQL's postmaster.pid: PGlite has no lock of its
 * own, and two processes opening one folder each keep their own view and overwrite each other.
 * A lock left by a process that has died (a crash, SIGKILL) is taken over. Answers the release.
 */
export async function lockDataFolder(dataDir: string): Promise<() => Promise<void>> {
  const dir = resolve(dataDir);
  const file = join(dir, LOCK_FILE);
  const mine: LockRecord = { pid: process.pid, command: process.argv.slice(1).join(" ").slice(0, 300), since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    if (heldHere.has(dir)) throw new DataFolderBusy(dir, process.pid, "this same process");
    try {
      await writeFile(file, JSON.stringify(mine), { flag: "wx", mode: 0o600 });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 2) throw e;
    }
    const holder = await readRecord(file);
    if (holder && holder.pid !== process.pid && isAlive(holder.pid)) throw new DataFolderBusy(dir, holder.pid, holder.command);
    // Left behind by a process that is gone (or unreadable, half written by one): take it over.
    await unlink(file).catch(() => undefined);
  }
  heldHere.add(dir);
  return async () => {
    heldHere.delete(dir);
    const holder = await readRecord(file);
    if (holder?.pid === process.pid) await unlink(file).catch(() => undefined);
  };
}
