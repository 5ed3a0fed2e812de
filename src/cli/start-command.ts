import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "./args.ts";
import type { Command } from "./commands.ts";
import type { Io } from "./output.ts";
import { defaultWebDir, projectRoot, SERVE_FLAGS, serveFromArgs, serveUntilStopped } from "./serve-command.ts";

/** Everything the web build reads: its sources, the shared core, the content and the build config. */
const WEB_SOURCES = ["src/web", "src/core", "content", "public", "vite.config.ts", "package.json"];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether dist/web is missing or older than anything it is built from. */
export function webBuildIsStale(root: string, webDir: string): boolean {
  const index = join(webDir, "index.html");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return WEB_SOURCES.some((p) => newestMtime(resolve(root, p)) > built);
}

/** `limber start`: builds the web app when needed, then serves it and the API like `limber serve`. */
export const startCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, SERVE_FLAGS.boolean, SERVE_FLAGS.valued);
  if (!args.flags.has("web") && webBuildIsStale(projectRoot, defaultWebDir)) {
    if (!buildWeb(io)) return 1;
  }
  return serveUntilStopped(await serveFromArgs(args, io), io);
};

function buildWeb(io: Io): boolean {
  io.out("Limber: building the web app (dist/web is missing or older than its sources)…");
  const vite = resolve(projectRoot, "node_modules/vite/bin/vite.js");
  const r = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: projectRoot,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (r.status !== 0) {
    io.err(
      `limber start: the web build failed (exit ${r.status ?? r.signal}); fix the error above or run "npx vite build" to see it again`,
    );
    return false;
  }
  return true;
}
