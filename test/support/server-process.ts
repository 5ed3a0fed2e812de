import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ApiClient, overHttp } from "./api-client.ts";

const LIMBER = fileURLToPath(new URL("../../bin/limber.js", import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Ends the process with SIGTERM and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Runs the real `limber serve` in its own process on a free port (or on `port`, to restart a server
 * where a browser expects it) and waits until it says where it listens. `limber` is another checkout's
 * bin/limber.js, for a bench that runs earlier code beside this one.
 */
export async function spawnServer(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  port = 0,
  limber = LIMBER,
  startTimeoutMs = 60_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [limber, "serve", "--port", String(port), "--host", "127.0.0.1", ...args], {
    env: { ...process.env, DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start in ${startTimeoutMs / 1000} s:\n${out}`));
    }, startTimeoutMs);
    const check = () => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The `limber serve` arguments and environment that point a server process at a test database. */
export function serverArgsFor(
  config: { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string },
): [string[], NodeJS.ProcessEnv] {
  return config.kind === "pglite" ? [["--data", config.dataDir], {}] : [[], { DATABASE_URL: config.url }];
}

/** An API client over real HTTP that shares another client's session (another tab of the same person). */
export function sameSession(of: { cookie: string | null; csrfToken: string | null }, url: string): ApiClient {
  const c = new ApiClient(overHttp, url);
  c.cookie = of.cookie;
  c.csrfToken = of.csrfToken;
  return c;
}

/** The resident memory of a process in MiB, read from /proc (Linux). */
export async function residentMemoryMb(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}
