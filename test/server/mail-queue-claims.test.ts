import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/server/db/database.ts";
import { ApiClient, overHttp } from "../support/api-client.ts";
import { createEmptyDatabase, startPostgres, type ThrowawayPostgres } from "../support/postgres.ts";
import { spawnServer, type ServerProcess } from "../support/server-process.ts";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink.ts";

describe("the mail queue with two server processes on one PostgreSQL", () => {
  let postgres: ThrowawayPostgres;
  let sink: SmtpSink;
  let servers: ServerProcess[] = [];
  let database: Database;

  beforeAll(async () => {
    postgres = await startPostgres();
    const url = await createEmptyDatabase(postgres.url, `t_${randomUUID().replace(/-/g, "")}`);
    // Every mail waits at the SMTP server until both processes are sending at once.
    sink = await startSmtpSink({ holdUntilConcurrent: 2 });
    for (let i = 0; i < 2; i++) servers.push(await spawnServer([], { DATABASE_URL: url, SMTP_URL: sink.url }));
    database = await openDatabase({ kind: "postgres", url });
  }, 120_000);
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await database?.close();
    await sink?.stop();
    await postgres?.stop();
  });

  it("sends every queued mail exactly once, with each process taking mails the other has not", async () => {
    // 10: the reset-request limit of one client address, shared by both processes through the database.
    const people = 10;
    const emails: string[] = [];
    for (let i = 0; i < people; i++) emails.push((await new ApiClient(overHttp, servers[i % 2]!.url).signUp()).email);
    // Requests alternate between the processes; each one's sender claims whatever is due, from both.
    for (let i = 0; i < people; i++)
      expect((await new ApiClient(overHttp, servers[i % 2]!.url).post("/api/auth/reset/request", { email: emails[i] })).status).toBe(202);

    const queued = await database.db.selectFrom("mail_queue").select("id").execute();
    await sink.waitFor(queued.length);
    let rows = await database.db.selectFrom("mail_queue").select(["id", "outcome", "claimed_by", "recipient"]).execute();
    while (rows.some((r) => r.outcome === null)) {
      await new Promise((r) => setTimeout(r, 100));
      rows = await database.db.selectFrom("mail_queue").select(["id", "outcome", "claimed_by", "recipient"]).execute();
    }
    expect(rows.map((r) => r.outcome)).toEqual(rows.map(() => "sent"));
    expect(sink.received.map((m) => m.messageId).sort()).toEqual(rows.map((r) => `<${r.id}@limber>`).sort());
    expect(
      sink.received
        .filter((m) => m.subject === "Set a new Limber password")
        .map((m) => m.to)
        .sort(),
    ).toEqual([...emails].sort());
    expect(new Set(rows.map((r) => r.claimed_by)).size).toBe(2);
  }, 120_000);
});
