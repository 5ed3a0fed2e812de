import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtInProgram } from "../../../content/index.ts";
import { progressAfter } from "../../core/progress.ts";
import { SessionLog } from "../../core/session-log.ts";
import { sessionLog } from "../../../test/support/api-client.ts";
import { BACKENDS, TestBackend } from "../../../test/support/backends.ts";
import { openDatabase, type Database } from "../db/database.ts";
import { readProgress, writeProgress, type Owner } from "./progress.ts";
import { recordSessionLog } from "./session-logs.ts";

const program = builtInProgram("foot-stretches-for-lower-back-pain")!;
const NOW = new Date("2026-11-25T09:00:00Z");

describe.each(BACKENDS)("recording session logs on %s", (name) => {
  const backend = new TestBackend(name);
  let database: Database;
  /** Every statement sent to the database, BEGIN and COMMIT included. */
  const sent: string[] = [];

  beforeAll(async () => {
    database = await openDatabase(await backend.emptyDatabase(), { log: (e) => void sent.push(e.query.sql) });
  });
  afterAll(async () => {
    await database?.close();
    await backend.stop();
  });

  async function newOwner(): Promise<Owner> {
    const owner = { userId: randomUUID(), organisationId: randomUUID() };
    await sql`insert into organisations (id, name, kind, created_at) values (${owner.organisationId}, 'Home', 'personal', ${NOW})`.execute(
      database.db,
    );
    await sql`insert into users (id, organisation_id, email, display_name, password_hash, role, created_at, password_changed_at)
      values (${owner.userId}, ${owner.organisationId}, ${owner.userId + "@test"}, 'Pat', 'x', 'client', ${NOW}, ${NOW})`.execute(
      database.db,
    );
    return owner;
  }

  const log = (overrides: Record<string, unknown> = {}) => SessionLog.parse(sessionLog(overrides));

  /** The statements one call sends. */
  async function statementsOf(f: () => Promise<unknown>): Promise<string[]> {
    sent.length = 0;
    await f();
    return [...sent];
  }

  it("records a user's first log in two statements: their progress made, then the log and the step on", async () => {
    const owner = await newOwner();
    const statements = await statementsOf(() => recordSessionLog(database.db, owner, log(), program, NOW));
    expect(statements).toHaveLength(2);
    expect((await readProgress(database.db, owner, program)).sessionsProgressed).toBe(1);
  });

  it("records every later log in one statement, with no transaction around it", async () => {
    const owner = await newOwner();
    await recordSessionLog(database.db, owner, log(), program, NOW);
    const statements = await statementsOf(() => recordSessionLog(database.db, owner, log(), program, NOW));
    expect(statements).toHaveLength(1);
    expect(statements[0]).not.toMatch(/^\s*begin/i);
    expect(await readProgress(database.db, owner, program)).toEqual(progressAfter(program, 2));
  });

  it("moves progress on from where it stands when it was changed elsewhere since this server last saw it", async () => {
    const owner = await newOwner();
    await recordSessionLog(database.db, owner, log(), program, NOW);
    // Another server on the same database, or a hold set by hand, moved it on meanwhile.
    await writeProgress(database.db, owner, progressAfter(program, 5), NOW);
    expect(await recordSessionLog(database.db, owner, log(), program, NOW)).toBe("stored");
    expect(await readProgress(database.db, owner, program)).toEqual(progressAfter(program, 6));
  });

  it("answers duplicate for a log already kept, without moving progress again, even after progress moved on", async () => {
    const owner = await newOwner();
    const first = log();
    await recordSessionLog(database.db, owner, first, program, NOW);
    await recordSessionLog(database.db, owner, log(), program, NOW);
    expect(await recordSessionLog(database.db, owner, first, program, NOW)).toBe("duplicate");
    expect((await readProgress(database.db, owner, program)).sessionsProgressed).toBe(2);
  });

  it("answers conflict for an id another user owns and keeps theirs", async () => {
    const [alice, bob] = [await newOwner(), await newOwner()];
    const taken = log({ notes: "alice's" });
    await recordSessionLog(database.db, alice, taken, program, NOW);
    expect(await recordSessionLog(database.db, bob, { ...taken, notes: "bob's" }, program, NOW)).toBe("conflict");
    expect((await readProgress(database.db, bob, program)).sessionsProgressed).toBe(0);
    const { rows } = await sql<{ user_id: string; notes: string }>`select user_id, notes from session_logs where id = ${taken.id}`.execute(
      database.db,
    );
    expect(rows).toEqual([{ user_id: alice.userId, notes: "alice's" }]);
  });

  it("counts each of many different logs sent at once exactly once, and each duplicate of them not at all", async () => {
    const owner = await newOwner();
    const logs = Array.from({ length: 12 }, () => log());
    const outcomes = await Promise.all([...logs, ...logs].map((l) => recordSessionLog(database.db, owner, l, program, NOW)));
    expect(outcomes.filter((o) => o === "stored")).toHaveLength(12);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(12);
    expect(await readProgress(database.db, owner, program)).toEqual(progressAfter(program, 12));
  });

  it("records one user's logs sent at once one after another, one statement each, none tried twice", async () => {
    const owner = await newOwner();
    await recordSessionLog(database.db, owner, log(), program, NOW);
    const statements = await statementsOf(() =>
      Promise.all(Array.from({ length: 10 }, () => recordSessionLog(database.db, owner, log(), program, NOW))),
    );
    expect(statements).toHaveLength(10);
    expect(await readProgress(database.db, owner, program)).toEqual(progressAfter(program, 11));
  });

  it("goes on recording a user's logs after one of them failed", async () => {
    const owner = await newOwner();
    await recordSessionLog(database.db, owner, log(), program, NOW);
    const failing = recordSessionLog(database.db, owner, log({ notes: "\u0000" }), program, NOW);
    const after = recordSessionLog(database.db, owner, log(), program, NOW);
    await expect(failing).rejects.toThrow();
    expect(await after).toBe("stored");
    expect(await readProgress(database.db, owner, program)).toEqual(progressAfter(program, 2));
  });

  /** Owners who have each recorded one log, so this server knows their progress. */
  async function practisingOwners(count: number): Promise<Owner[]> {
    const owners: Owner[] = [];
    for (let i = 0; i < count; i++) {
      const owner = await newOwner();
      await recordSessionLog(database.db, owner, log(), program, NOW);
      owners.push(owner);
    }
    return owners;
  }

  it("records many users' logs sent at once in two statements: the first alone, all that came while it ran together", async () => {
    const owners = await practisingOwners(12);
    let outcomes: string[] = [];
    const statements = await statementsOf(async () => {
      outcomes = await Promise.all(owners.map((o) => recordSessionLog(database.db, o, log(), program, NOW)));
    });
    expect(statements).toHaveLength(2);
    expect(outcomes).toEqual(Array(12).fill("stored"));
    for (const o of owners) expect(await readProgress(database.db, o, program)).toEqual(progressAfter(program, 2));
  });

  it("fails only the log that cannot be kept when it was sent together with others, and keeps the others once", async () => {
    const [first, ...rest] = await practisingOwners(5);
    const statements = await statementsOf(async () => {
      const alone = recordSessionLog(database.db, first!, log(), program, NOW);
      // These four wait for the first and go together; the NUL character fails the statement that carries them.
      const together = rest.map((o, i) => recordSessionLog(database.db, o, log(i === 1 ? { notes: "\u0000" } : {}), program, NOW));
      expect(await alone).toBe("stored");
      await expect(together[1]).rejects.toThrow();
      expect(await Promise.all([together[0], together[2], together[3]])).toEqual(["stored", "stored", "stored"]);
    });
    // The first alone, the four together (failed), then each of the four alone.
    expect(statements).toHaveLength(6);
    const progressed = await Promise.all(
      [first, ...rest].map(async (o) => (await readProgress(database.db, o!, program)).sessionsProgressed),
    );
    expect(progressed).toEqual([2, 2, 1, 2, 2]);
  });

  it("keeps a log id sent by two users in one statement for the first of them and refuses it to the other", async () => {
    const [first, alice, bob] = await practisingOwners(3);
    const shared = log();
    const alone = recordSessionLog(database.db, first!, log(), program, NOW);
    const both = [alice, bob].map((o) => recordSessionLog(database.db, o!, shared, program, NOW));
    expect(await alone).toBe("stored");
    expect(await Promise.all(both)).toEqual(["stored", "conflict"]);
    const { rows } = await sql<{ user_id: string }>`select user_id from session_logs where id = ${shared.id}`.execute(database.db);
    expect(rows).toEqual([{ user_id: alice!.userId }]);
    expect((await readProgress(database.db, alice!, program)).sessionsProgressed).toBe(2);
    expect((await readProgress(database.db, bob!, program)).sessionsProgressed).toBe(1);
  });

  it("keeps a log of a program it does not know in one statement, moving nothing", async () => {
    const owner = await newOwner();
    const statements = await statementsOf(() => recordSessionLog(database.db, owner, log({ programId: "someone-elses" }), undefined, NOW));
    expect(statements).toHaveLength(1);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from progress where user_id = ${owner.userId}`.execute(database.db);
    expect(rows[0]!.n).toBe(0);
  });
});

describe("recording session logs from two servers on one PostgreSQL", () => {
  const backend = new TestBackend("postgres");
  let servers: Database[] = [];

  beforeAll(async () => {
    const config = await backend.emptyDatabase();
    servers = [await openDatabase(config), await openDatabase(config)];
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await backend.stop();
  });

  it("moves one user's progress once per log when both servers take their logs and duplicates at the same time", async () => {
    const [a, b] = servers.map((s) => s.db) as [Database["db"], Database["db"]];
    const owner = { userId: randomUUID(), organisationId: randomUUID() };
    await sql`insert into organisations (id, name, kind, created_at) values (${owner.organisationId}, 'Home', 'personal', ${NOW})`.execute(
      a,
    );
    await sql`insert into users (id, organisation_id, email, display_name, password_hash, role, created_at, password_changed_at)
      values (${owner.userId}, ${owner.organisationId}, 'two@test', 'Pat', 'x', 'client', ${NOW}, ${NOW})`.execute(a);
    const logs = Array.from({ length: 10 }, () => SessionLog.parse(sessionLog()));
    const outcomes = await Promise.all(logs.flatMap((l) => [a, b].map((db) => recordSessionLog(db, owner, l, program, NOW))));
    expect(outcomes.filter((o) => o === "stored")).toHaveLength(10);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(10);
    expect(await readProgress(a, owner, program)).toEqual(progressAfter(program, 10));
  });
});
