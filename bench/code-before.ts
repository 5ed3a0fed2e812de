import { execFileSync } from "node:child_process";
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface EarlierCode {
  /** The commit, as given and as its short hash. */
  commit: string;
  /** That commit's bin/limber.js, to run its server beside this one in the same run. */
  limber: string;
  remove(): Promise<void>;
}

/**
 * The tree of an earlier commit in a temporary folder (git archive: the repository is only read),
 * with this checkout's node_modules, so a bench can measure the code before a change and after it
 * on the same machine in the same minutes instead of quoting a figure from another day.
 */
export async function checkOutEarlier(commit: string): Promise<EarlierCode> {
  const dir = await mkdtemp(join(tmpdir(), "limber-earlier-"));
  const short = execFileSync("git", ["rev-parse", "--short", commit], { cwd: ROOT, encoding: "utf8" }).trim();
  execFileSync("sh", ["-c", `git archive ${short} | tar -x -C "${dir}"`], { cwd: ROOT });
  await symlink(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return { commit: short, limber: join(dir, "bin/limber.js"), remove: () => rm(dir, { recursive: true, force: true }) };
}

/** What the code of an earlier commit these benches compare with lacked, in the words of their sections. */
const EARLIER_CODE: Record<string, string> = {
  fd59c7a: "before the one-statement log and the lean embedded database",
  "3ad26b1":
    "before the compiled command, the one-statement schema check, lazily loaded mail and voice modules and one user's logs taken in turn",
  "958dd30": "before batches of logs a turn apart, practice_days updated in place and the shorter answer of a log",
};

/** " (what it lacked)" for a commit named in EARLIER_CODE, otherwise nothing. */
export function whatEarlierLacked(commit: string): string {
  const known = Object.entries(EARLIER_CODE).find(([c]) => commit.startsWith(c) || c.startsWith(commit));
  return known ? ` (${known[1]})` : "";
}
