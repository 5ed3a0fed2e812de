import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const POSTGRES_BIN = process.env.LIMBER_PG_BIN ?? "/usr/lib/postgresql/15/bin";
const OS_USER = "limber-pgtest";

export interface ThrowawayPostgres {
  url: string;
  /** Stops the server but keeps its files, as an outage would (fast shutdown: connections are cut). */
  halt(): Promise<void>;
  /**
   * Starts it again on the same files and port after halt(); with `fileSizeLimit` no file of the
   * server may grow past that many bytes, as when its disk is full.
   */
  resume(options?: { fileSizeLimit?: number }): Promise<void>;
  /** Stops the server and removes its files. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1, found by letting the OS pick one. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[], asUser: string | null, fileSizeLimit?: number): void {
  let [file, argv] = asUser ? ["runuser", ["-u", asUser, "--", cmd, ...args]] : [cmd, args];
  // RLIMIT_FSIZE is inherited by the server and every backend it forks: a write past it fails as on a full disk.
  if (fileSizeLimit !== undefined) [file, argv] = ["prlimit", [`--fsize=${fileSizeLimit}`, "--", file, ...argv]];
  const r = spawnSync(file, argv, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
}

/** PostgreSQL refuses to run as root, so tests run it as an unprivileged user made on demand. */
function serverUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  if (spawnSync("id", ["-u", OS_USER]).status !== 0)
    execFileSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", OS_USER]);
  return OS_USER;
}

/**
 * Starts a private PostgreSQL 15 on a temporary folder and a free port on 127.0.0.1. Fails
 * loudly when the binaries are missing: PostgreSQL tests must never be skipped silently.
 */
export async function startPostgres(bin = POSTGRES_BIN): Promise<ThrowawayPostgres> {
  const initdb = join(bin, "initdb");
  const pgCtl = join(bin, "pg_ctl");
  if (!existsSync(initdb) || !existsSync(pgCtl)) {
    throw new Error(
      `PostgreSQL 15 binaries not found in ${bin}. Install them (Debian: apt-get install -y postgresql) ` +
        "or point LIMBER_PG_BIN at the folder holding initdb and pg_ctl. The PostgreSQL tests cannot run without them.",
    );
  }
  const user = serverUser();
  const dir = await mkdtemp(join(tmpdir(), "limber-pg-"));
  await chmod(dir, 0o755);
  if (user) execFileSync("chown", [user, dir]);
  const data = join(dir, "data");
  const port = await freePort();
  run(initdb, ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"], user);
  const start = (fileSizeLimit?: number) =>
    run(
      pgCtl,
      ["-D", data, "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, "-l", join(dir, "log"), "-w", "start"],
      user,
      fileSizeLimit,
    );
  start();
  let stopped = false;
  let halted = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    halt: async () => {
      run(pgCtl, ["-D", data, "-m", "fast", "-w", "stop"], user);
      halted = true;
    },
    resume: async (options = {}) => {
      start(options.fileSizeLimit);
      halted = false;
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      try {
        if (!halted) run(pgCtl, ["-D", data, "-m", "fast", "-w", "stop"], user);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Makes an empty database on a running server, so tests that need an empty one get their own. */
export async function createEmptyDatabase(serverUrl: string, name: string): Promise<string> {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`create database "${name.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
