/**
 * SIGKILL of the real server at random moments during load, 10 rounds, on PGlite and PostgreSQL:
 * after every restart each acknowledged log must be there; at the end every unacknowledged log is
 * sent again and each must be stored exactly once. Writes its section of BENCHMARKS.md and exits
 * non-zero on any lost or doubled log.
 *
 *   npm run bench:faults                 (10 rounds, 8 clients, kill 0.5-4 s into each round)
 *   FAULT_ROUNDS=3 FAULT_SEED=42 npm run bench:faults
 */
import { BACKENDS, TestBackend } from "../test/support/backends.ts";
import { runKillRounds, type KillRoundsResult } from "../test/support/kill-rounds.ts";
import { beginRun, percentile, runHeader, writeSection } from "./benchmarks-section.ts";

const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 10);
const CLIENTS = Number(process.env.FAULT_CLIENTS ?? 8);
const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const MIN_KILL_MS = 500;
const MAX_KILL_MS = 4000;
const run = beginRun("bench:faults", { FAULT_ROUNDS: ROUNDS, FAULT_CLIENTS: CLIENTS, FAULT_SEED: SEED });

const results: [string, KillRoundsResult][] = [];
for (const name of BACKENDS) {
  const backend = new TestBackend(name);
  try {
    const r = await runKillRounds({
      config: await backend.emptyDatabase(),
      rounds: ROUNDS,
      clients: CLIENTS,
      seed: SEED,
      minKillMs: MIN_KILL_MS,
      maxKillMs: MAX_KILL_MS,
    });
    console.log(name, JSON.stringify({ ...r, rounds: r.rounds.map((x) => ({ ...x, missing: x.missing.length })) }));
    results.push([name === "pglite" ? "PGlite" : "PostgreSQL 15", r]);
  } finally {
    await backend.stop();
  }
}

await writeSection("reliability-faults", [
  "## Reliability: SIGKILL during load (bench/faults.ts)",
  "",
  ...runHeader(run),
  `Each round: the real \`limber serve\` process on 127.0.0.1, ${CLIENTS} signed-in people posting new session logs back to back, SIGKILL at a random moment ` +
    `${MIN_KILL_MS / 1000}–${MAX_KILL_MS / 1000} s into the round (seeded), restart on the same database, then every log acknowledged in any round so far is looked up. ` +
    "After the last round every log that was sent but never acknowledged is sent again (as the web app's queue does). " +
    "Restart time is from spawning the process to it listening (opening the database; PGlite replays its WAL).",
  "",
  "| backend | rounds | logs sent | acknowledged | acknowledged but missing after restart | stored after resending the rest | stored twice | progress miscounted | other answers | restart p50 / max ms |",
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...results.map(([name, r]) => {
    const restarts = r.rounds.map((x) => x.restartMs);
    return `| ${name} | ${r.rounds.length} | ${r.sent} | ${r.acknowledged} | ${r.rounds.reduce((n, x) => n + x.missing.length, 0)} | ${r.stored} | ${r.duplicates} | ${r.progressMismatches.length} | ${r.unexpected.length} | ${percentile(restarts, 50)} / ${Math.max(...restarts)} |`;
  }),
  "",
  "Acknowledged per round (killed after ms):",
  "",
  ...results.map(([name, r]) => `- ${name}: ${r.rounds.map((x) => `${x.acknowledged} (${x.killedAfterMs})`).join(", ")}`),
]);

const failed = results.filter(
  ([, r]) =>
    r.rounds.some((x) => x.missing.length) || r.stored !== r.sent || r.duplicates || r.progressMismatches.length || r.unexpected.length,
);
if (failed.length) {
  console.error(
    "FAILED:",
    failed
      .map(([n, r]) => `${n}: ${JSON.stringify({ unexpected: r.unexpected.slice(0, 5), progress: r.progressMismatches.slice(0, 5) })}`)
      .join("\n"),
  );
  process.exit(1);
}
