import { afterAll, describe, expect, it } from "vitest";
import { BACKENDS, TestBackend } from "../support/backends.ts";
import { runKillRounds } from "../support/kill-rounds.ts";

// The 10-round version with figures is bench/faults.ts; this is its short form for every test run.
describe.each(BACKENDS)("SIGKILL at random moments under load on %s", (name) => {
  const backend = new TestBackend(name);
  afterAll(() => backend.stop());

  it("keeps every acknowledged log through two kills and restarts, and a resend of the rest stores each log, and moves progress, exactly once", async () => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    const result = await runKillRounds({
      config: await backend.emptyDatabase(),
      rounds: 2,
      clients: 4,
      seed,
      minKillMs: 300,
      maxKillMs: 1500,
    });
    const context = `seed ${seed}: ${JSON.stringify(result.rounds)}`;
    expect(
      result.rounds.flatMap((r) => r.missing),
      context,
    ).toEqual([]);
    expect(result.unexpected, context).toEqual([]);
    expect(result.acknowledged, context).toBeGreaterThan(0);
    expect(result.stored, context).toBe(result.sent);
    expect(result.duplicates, context).toBe(0);
    expect(result.progressMismatches, context).toEqual([]);
  }, 120_000);
});
