/**
 * Start-up of the real server process (`limber serve`): time from spawning it to its "listening"
 * line, and its resident memory 1 s later, on a new data folder (the database is made), on the
 * same folder again (a clean restart), and again after the process was killed with SIGKILL while
 * taking logs (crash recovery). PGlite with this code and with an earlier commit's code in the same
 * run (BENCH_BEFORE), PostgreSQL 15 as the baseline (a new empty database, then restarts).
 * Writes its section of BENCHMARKS.md.
 *
 *   npm run bench:start-up               (BENCH_ROUNDS=5)
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApiClient, overHttp, sessionLog } from "../test/support/api-client.ts";
import { createEmptyDatabase, startPostgres } from "../test/support/postgres.ts";
import { sameSession, spawnServer } from "../test/support/server-process.ts";
import { beginRun, percentile, runHeader, writeSection } from "./benchmarks-section.ts";
import { checkOutEarlier, whatEarlierLacked } from "./code-before.ts";
import { compiledCli } from "../src/cli/compiled-cli.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** The last commit on main before the compiled command and the one-statement schema check (fd59c7a: before the lean embedded database). */
const BEFORE = process.env.BENCH_BEFORE ?? "3ad26b1";
const LOGS_BEFORE_KILL = 20;
const run = beginRun("bench:start-up", { BENCH_ROUNDS: ROUNDS, BENCH_BEFORE: BEFORE });

type Start = "new folder / database" | "restart" | "restart after SIGKILL";
interface Sample {
  code: string;
  backend: string;
  start: Start;
  ms: number;
  rssMb: number;
}

const rssMb = (pid: number) => readFile(`/proc/${pid}/status`, "utf8").then((s) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(s)![1]) / 1024));

/** Starts a server, times it to "listening", reads its memory a second later; answers it still running. */
async function timedStart(args: string[], env: NodeJS.ProcessEnv, limber: string | undefined) {
  const t0 = performance.now();
  // A loaded machine can take minutes to make a database; the bench waits, it measures.
  const server = await spawnServer(args, env, 0, limber, 600_000);
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 1000));
  return { server, ms: Math.round(ms), rssMb: await rssMb(server.child.pid!) };
}

/** One round: new, restart (then logs are taken and the process is killed), restart after the kill. */
async function round(code: string, backend: string, args: string[], env: NodeJS.ProcessEnv, limber?: string): Promise<Sample[]> {
  const out: Sample[] = [];
  const first = await timedStart(args, env, limber);
  out.push({ code, backend, start: "new folder / database", ms: first.ms, rssMb: first.rssMb });
  await first.server.stop();
  const again = await timedStart(args, env, limber);
  out.push({ code, backend, start: "restart", ms: again.ms, rssMb: again.rssMb });
  const user = new ApiClient(overHttp, again.server.url);
  await user.signUp();
  for (let i = 0; i < LOGS_BEFORE_KILL; i++) await user.post("/api/logs", sessionLog());
  const exited = new Promise((r) => again.server.child.once("exit", r));
  again.server.child.kill("SIGKILL");
  await exited;
  const recovered = await timedStart(args, env, limber);
  out.push({ code, backend, start: "restart after SIGKILL", ms: recovered.ms, rssMb: recovered.rssMb });
  const kept = (await sameSession(user, recovered.server.url).get("/api/logs")).body.logs.length;
  if (kept !== LOGS_BEFORE_KILL)
    throw new Error(`${code} ${backend}: ${LOGS_BEFORE_KILL} logs acknowledged before the kill, ${kept} after`);
  await recovered.server.stop();
  return out;
}

async function main() {
  // Made now if the sources changed, so no timed start includes compiling the command.
  await compiledCli();
  const root = await mkdtemp(join(tmpdir(), "limber-bench-start-"));
  const earlier = await checkOutEarlier(BEFORE);
  const pg = await startPostgres();
  const samples: Sample[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      samples.push(...(await round("this commit", "PGlite", ["--data", join(root, `now-${i}`)], {})));
      samples.push(...(await round(`before (${earlier.commit})`, "PGlite", ["--data", join(root, `before-${i}`)], {}, earlier.limber)));
      const url = await createEmptyDatabase(pg.url, `start_${i}`);
      samples.push(...(await round("this commit", "PostgreSQL 15", [], { DATABASE_URL: url })));
      console.error(`round ${i + 1} of ${ROUNDS} done`);
    }
  } finally {
    await pg.stop();
    await earlier.remove();
    await rm(root, { recursive: true, force: true });
  }
  const groups = new Map<string, Sample[]>();
  for (const s of samples) {
    const key = `${s.code}|${s.backend}|${s.start}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const lines = [
    "## Server start-up: process start to listening, and memory (bench/start-up.ts)",
    "",
    ...runHeader(run),
    "",
    `The real \`limber serve\` process on 127.0.0.1, spawned by the bench; time from spawning it to its "listening" line, and its resident memory (VmRSS) 1 s later. ` +
      `Each of ${ROUNDS} rounds: a new data folder (PGlite makes its database) or a new empty PostgreSQL database (migrations run); the same again after a clean stop (SIGTERM); ` +
      `then one user signs up and sends ${LOGS_BEFORE_KILL} logs, the process is killed with SIGKILL and started once more (PGlite replays its write-ahead log). ` +
      `Every acknowledged log was there after the kill (the bench fails otherwise). "before" is the code of commit ${earlier.commit}${whatEarlierLacked(earlier.commit)} run from a copy of that commit in the same run; PostgreSQL is the baseline. ` +
      "This code's first start of a round also finds its compiled command current (bench/start-up.ts makes it first), as every start after the first on a machine does.",
    "",
    "| code | backend | start | rounds | median ms to listening | max ms | median RSS MB 1 s after | max RSS MB |",
    "|---|---|---|---:|---:|---:|---:|---:|",
    ...[...groups.values()].map((g) => {
      const ms = g.map((s) => s.ms);
      const mb = g.map((s) => s.rssMb);
      return `| ${g[0]!.code} | ${g[0]!.backend} | ${g[0]!.start} | ${g.length} | ${percentile(ms, 50)} | ${Math.max(...ms)} | ${percentile(mb, 50)} | ${Math.max(...mb)} |`;
    }),
  ];
  await writeSection("server-start-up", lines);
}

await main();
