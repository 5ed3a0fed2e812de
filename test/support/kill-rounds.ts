import { ApiClient, overHttp, sessionLog } from "./api-client.ts";
import { sameSession, serverArgsFor, spawnServer, type ServerProcess } from "./server-process.ts";
import type { DatabaseConfig } from "../../src/server/db/database.ts";

/** A small seeded generator, so a failing round can be replayed with the seed it printed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface KillRound {
  /** Logs the server acknowledged (2xx) in this round before it was killed. */
  acknowledged: number;
  /** How long after the load started the server was killed. */
  killedAfterMs: number;
  /** From spawning the next server to it listening (opening and checking the database). */
  restartMs: number;
  /** Acknowledged logs of every round so far that the restarted server does not have: must be empty. */
  missing: string[];
}

export interface KillRoundsResult {
  seed: number;
  rounds: KillRound[];
  sent: number;
  acknowledged: number;
  /** After every unacknowledged log was sent again: logs stored, and how many ids were stored twice. */
  stored: number;
  duplicates: number;
  /** People whose progress did not count each of their stored logs exactly once. */
  progressMismatches: string[];
  /** Answers other than 2xx while the server was up (refused writes, server errors). */
  unexpected: string[];
}

/**
 * Runs `rounds` rounds of: start the real server on the database, have `clients` people post
 * session logs as fast as they can, SIGKILL the server at a random moment, start it again and
 * check that every acknowledged log of every round is there. Finally sends every log that was
 * never acknowledged again (as the web app's queue does) and counts what is stored.
 * Bounded: each round's load lasts at most `maxKillMs`.
 */
export async function runKillRounds(o: {
  config: DatabaseConfig;
  rounds: number;
  clients: number;
  seed: number;
  minKillMs: number;
  maxKillMs: number;
}): Promise<KillRoundsResult> {
  const random = seededRandom(o.seed);
  const [args, env] = serverArgsFor(o.config);
  let server: ServerProcess = await spawnServer(args, env);
  const people: ApiClient[] = [];
  for (let i = 0; i < o.clients; i++) {
    const c = new ApiClient(overHttp, server.url);
    await c.signUp();
    people.push(c);
  }
  const sentBy = people.map(() => [] as string[]);
  const ackedBy = people.map(() => new Set<string>());
  const unexpected: string[] = [];
  const rounds: KillRound[] = [];
  try {
    for (let r = 0; r < o.rounds; r++) {
      const killAt = o.minKillMs + random() * (o.maxKillMs - o.minKillMs);
      let killed = false;
      let acknowledged = 0;
      const exited = new Promise<void>((resolve) => server.child.once("exit", () => resolve()));
      const started = Date.now();
      const worker = async (i: number) => {
        const c = sameSession(people[i]!, server.url);
        while (!killed) {
          const log = sessionLog();
          sentBy[i]!.push(log.id);
          try {
            const res = await c.post("/api/logs", log);
            if (res.status === 201 || res.status === 200) {
              ackedBy[i]!.add(log.id);
              acknowledged++;
            } else unexpected.push(`${res.status} ${res.text.slice(0, 200)}`);
          } catch (e) {
            if (!killed) unexpected.push(`network error while the server was up: ${String(e)}`);
          }
        }
      };
      const load = Promise.all(people.map((_, i) => worker(i)));
      await new Promise((resolve) => setTimeout(resolve, killAt));
      killed = true;
      server.child.kill("SIGKILL");
      await exited;
      await load;
      const killedAfterMs = Date.now() - started;
      const t0 = Date.now();
      server = await spawnServer(args, env);
      const restartMs = Date.now() - t0;
      const missing: string[] = [];
      for (let i = 0; i < people.length; i++) {
        const stored = new Set<string>(
          (await sameSession(people[i]!, server.url).get("/api/logs")).body.logs.map((l: { id: string }) => l.id),
        );
        for (const id of ackedBy[i]!) if (!stored.has(id)) missing.push(id);
      }
      rounds.push({ acknowledged, killedAfterMs, restartMs, missing });
    }
    let stored = 0;
    let duplicates = 0;
    const progressMismatches: string[] = [];
    for (let i = 0; i < people.length; i++) {
      const c = sameSession(people[i]!, server.url);
      for (const id of sentBy[i]!.filter((x) => !ackedBy[i]!.has(x))) {
        const res = await c.post("/api/logs", sessionLog({ id }));
        if (res.status !== 200 && res.status !== 201) unexpected.push(`resend: ${res.status} ${res.text.slice(0, 200)}`);
      }
      const ids = (await c.get("/api/logs")).body.logs.map((l: { id: string }) => l.id);
      stored += ids.length;
      duplicates += ids.length - new Set(ids).size;
      const progressed = (await c.get("/api/progress/foot-stretches-for-lower-back-pain")).body.sessionsProgressed;
      if (progressed !== ids.length) progressMismatches.push(`person ${i}: ${ids.length} logs, progress counted ${progressed}`);
    }
    return {
      seed: o.seed,
      rounds,
      sent: sentBy.reduce((n, s) => n + s.length, 0),
      acknowledged: ackedBy.reduce((n, s) => n + s.size, 0),
      stored,
      duplicates,
      progressMismatches,
      unexpected,
    };
  } finally {
    await server.stop();
  }
}
