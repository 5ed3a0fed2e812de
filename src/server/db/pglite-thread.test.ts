import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGLITE_SETTINGS, PgliteThread, PgliteThreadLost } from "./pglite-thread.ts";

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
