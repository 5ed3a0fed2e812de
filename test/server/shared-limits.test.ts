import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_LIMITS } from "../../src/server/auth/rate-limit.ts";
import { ApiClient, overHttp } from "../support/api-client.ts";
import { createEmptyDatabase, startPostgres, type ThrowawayPostgres } from "../support/postgres.ts";
import { spawnServer, type ServerProcess } from "../support/server-process.ts";

/** Counts answers by status, as "status x count" sorted. */
function tally(statuses: number[]): string[] {
  const counts = new Map<number, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([s, n]) => `${s} x ${n}`);
}

// Behind a load balancer: two `limber serve` processes on one PostgreSQL count attempts in one place.
describe("rate limits with two server processes on one PostgreSQL", () => {
  let postgres: ThrowawayPostgres;
  let url: string;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    postgres = await startPostgres();
    url = await createEmptyDatabase(postgres.url, `t_${randomUUID().replace(/-/g, "")}`);
    for (let i = 0; i < 2; i++) servers.push(await spawnServer([], { DATABASE_URL: url }));
  }, 120_000);
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await postgres?.stop();
  });

  it("lets 5 of 24 wrong sign-ins for one account, sent at once to both processes, reach the password check", async () => {
    const { email } = await new ApiClient(overHttp, servers[0]!.url).signUp();
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        new ApiClient(overHttp, servers[i % 2]!.url).post("/api/auth/sign-in", { email, password: `guess ${i}` }),
      ),
    );
    expect(tally(answers.map((a) => a.status))).toEqual([
      `401 x ${SIGN_IN_LIMITS.account.attempts}`,
      `429 x ${24 - SIGN_IN_LIMITS.account.attempts}`,
    ]);
    for (const s of servers)
      expect((await new ApiClient(overHttp, s.url).post("/api/auth/sign-in", { email, password: "correct horse battery" })).status).toBe(
        429,
      );
  }, 60_000);

  it("counts wrong sign-ins made on one process against the other, and keeps them when both restart", async () => {
    const { email } = await new ApiClient(overHttp, servers[1]!.url).signUp();
    for (let i = 0; i < SIGN_IN_LIMITS.account.attempts; i++) {
      const res = await new ApiClient(overHttp, servers[i % 2]!.url).post("/api/auth/sign-in", { email, password: `guess ${i}` });
      expect(res.status).toBe(401);
    }
    for (const s of servers.splice(0)) await s.stop();
    for (let i = 0; i < 2; i++) servers.push(await spawnServer([], { DATABASE_URL: url }));
    for (const s of servers)
      expect((await new ApiClient(overHttp, s.url).post("/api/auth/sign-in", { email, password: "correct horse battery" })).status).toBe(
        429,
      );
  }, 120_000);
});
