import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGLITE_SETTINGS, PREPARED_STATEMENTS, PgliteThread, PgliteThreadLost } from "./pglite-thread.ts";

describe("PgliteThread", () => {
  let dir: string;
  let pg: PgliteThread;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "limber-thread-"));
    pg = await PgliteThread.open(dir);
  }, 60_000);
  afterAll(async () => {
    await pg?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("answers rows and affected counts as PGlite does, dates and JSON included", async () => {
    await pg.query("create table t (id int primary key, at timestamptz, doc jsonb, raw bytea)");
    const at = new Date("2026-11-25T09:00:00Z");
    const inserted = await pg.query("insert into t values ($1, $2, $3, $4)", [
      1,
      at,
      JSON.stringify({ a: [1, 2] }),
      new Uint8Array([1, 2, 3]),
    ]);
    expect(inserted.affectedRows).toBe(1);
    const { rows } = await pg.query<{ id: number; at: Date; doc: unknown; raw: Uint8Array }>("select * from t");
    expect(rows).toEqual([{ id: 1, at, doc: { a: [1, 2] }, raw: new Uint8Array([1, 2, 3]) }]);
  });

  it("passes PostgreSQL's errors on with their code, and carries on after them", async () => {
    const error = await pg.query("insert into t (id) values (1)").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: "23505", severity: "ERROR", constraint: "t_pkey" });
    expect((error as Error).message).toMatch(/duplicate key/);
    expect((await pg.query<{ n: number }>("select count(*)::int as n from t")).rows[0]!.n).toBe(1);
  });

  it("prepares a statement once and runs it again with new values, keeping at most PREPARED_STATEMENTS prepared", async () => {
    const text = "select $1::int * 2 as twice, $2::text as word";
    expect((await pg.query(text, [2, "a"])).rows).toEqual([{ twice: 4, word: "a" }]);
    expect((await pg.query(text, [21, "b"])).rows).toEqual([{ twice: 42, word: "b" }]);
    const kept = "select count(*)::int as n from pg_prepared_statements where statement = $1";
    expect((await pg.query<{ n: number }>(kept, [text])).rows[0]!.n).toBe(1);
    for (let i = 0; i < PREPARED_STATEMENTS + 10; i++) await pg.query(`select ${i} as n`);
    const all = await pg.query<{ n: number }>("select count(*)::int as n from pg_prepared_statements");
    expect(all.rows[0]!.n).toBe(PREPARED_STATEMENTS);
    expect((await pg.query(text, [5, "c"])).rows).toEqual([{ twice: 10, word: "c" }]);
  });

  it("answers a select * with a table's new columns after it changed, also within a transaction", async () => {
    await pg.query("create table shape (a int)");
    await pg.query("insert into shape values (1)");
    expect((await pg.query("select * from shape")).rows).toEqual([{ a: 1 }]);
    await pg.query("alter table shape add column b text default 'x'");
    expect((await pg.query("select * from shape")).rows).toEqual([{ a: 1, b: "x" }]);
    await pg.query("begin");
    await pg.query("alter table shape add column c int default 3");
    expect((await pg.query("select * from shape")).rows).toEqual([{ a: 1, b: "x", c: 3 }]);
    await pg.query("commit");
  });

  it("runs PostgreSQL with the lean memory settings, without writing them into the folder's configuration", async () => {
    for (const [name, value] of Object.entries(PGLITE_SETTINGS)) {
      expect((await pg.query<Record<string, string>>(`show ${name}`)).rows[0]![name]).toBe(value);
    }
    expect(await readFile(join(dir, "postgresql.conf"), "utf8")).not.toMatch(/shared_buffers\s*=\s*16MB/);
  });

  it("ends its thread on close; later statements fail as lost", async () => {
    const other = await PgliteThread.open(join(dir, "other"));
    await other.close();
    await expect(other.query("select 1")).rejects.toBeInstanceOf(PgliteThreadLost);
  }, 60_000);
});
