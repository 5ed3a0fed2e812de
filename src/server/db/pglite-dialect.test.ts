import { Kysely, sql } from "kysely";
import { describe, expect, it, vi } from "vitest";
import { PgliteDialect, type PgliteReopen } from "./pglite-dialect.ts";
import type { PgliteLike } from "./pglite-thread.ts";
import { EmbeddedDatabaseStopped, isDatabaseUnavailable, isStorageFull } from "./unavailable.ts";

/**
 * A stand-in for one PGlite instance that records what it was asked and PANICs on a chosen
 * statement, as PGlite does when its write-ahead log cannot be written. (The real thing, with a
 * file-size limit on a real server, is tested in test/reliability/disk-full-pglite.test.ts.)
 */
function instance(name: string, panicOn?: RegExp) {
  const asked: string[] = [];
  let closed = false;
  let abandoned = false;
  const pg: PgliteLike = {
    async query(text: string) {
      asked.push(text);
      if (panicOn?.test(text)) {
        const e = Object.assign(
          new Error('could not write to log file "000000010000000000000001" at offset 12582912, length 8192: File too large'),
          {
            severity: "PANIC",
            code: "XX000",
          },
        );
        throw e;
      }
      return { rows: [{ name }] as never[], affectedRows: 0 };
    },
    async close() {
      closed = true;
    },
    abandon() {
      abandoned = true;
    },
  };
  return { pg, asked, closed: () => closed, abandoned: () => abandoned };
}

function reopenWith(next: () => PgliteLike, room: { now: boolean }, lines: string[] = []) {
  let opens = 0;
  const reopen: PgliteReopen = {
    canStart: async () => room.now,
    open: async () => {
      opens++;
      return next();
    },
    everyMs: 0,
    log: (line) => lines.push(line),
  };
  return { reopen, opens: () => opens };
}

const who = async (db: Kysely<any>) => (await sql<{ name: string }>`select ${"x"} as name`.execute(db)).rows[0]!.name;

describe("PgliteDialect when PGlite PANICs", () => {
  it("passes the PANIC on (a storage-full error), then ends that instance, never calls it again and answers 'stopped'", async () => {
    const first = instance("first", /insert/);
    const lines: string[] = [];
    const db = new Kysely<any>({ dialect: new PgliteDialect(first.pg, reopenWith(() => first.pg, { now: false }, lines).reopen) });
    const failed = await sql`insert into t values (1)`.execute(db).catch((e: unknown) => e);
    expect((failed as { severity?: string }).severity).toBe("PANIC");
    expect(isStorageFull(failed)).toBe(true);
    const askedBefore = first.asked.length;

    const later = await sql`select 1`.execute(db).catch((e: unknown) => e);
    expect(later).toBeInstanceOf(EmbeddedDatabaseStopped);
    expect(isDatabaseUnavailable(later)).toBe(true);
    expect(isStorageFull(later)).toBe(false);
    expect(first.asked.length).toBe(askedBefore);
    expect(lines.join("\n")).toMatch(/embedded database stopped \(PANIC: could not write to log file/);

    expect(first.abandoned()).toBe(true);
    await db.destroy();
    expect(first.closed()).toBe(false);
  });

  it("rejects a transaction whose commit PANICs with the PANIC itself, without a rollback on the dead instance", async () => {
    const first = instance("first", /^commit/);
    const db = new Kysely<any>({ dialect: new PgliteDialect(first.pg) });
    const failed = await db
      .transaction()
      .execute(async (tx) => sql`insert into t values (1)`.execute(tx))
      .catch((e: unknown) => e);
    expect((failed as { severity?: string }).severity).toBe("PANIC");
    expect(first.asked).toEqual(["begin", "insert into t values (1)", "commit"]);
    await expect(sql`select 1`.execute(db)).rejects.toBeInstanceOf(EmbeddedDatabaseStopped);
  });

  it("reopens only once it can start again, and then serves from the new instance", async () => {
    const first = instance("first", /insert/);
    const second = instance("second");
    const room = { now: false };
    const lines: string[] = [];
    const { reopen, opens } = reopenWith(() => second.pg, room, lines);
    const db = new Kysely<any>({ dialect: new PgliteDialect(first.pg, reopen) });
    await sql`insert into t values (1)`.execute(db).catch(() => undefined);

    await expect(who(db)).rejects.toBeInstanceOf(EmbeddedDatabaseStopped);
    expect(opens()).toBe(0);
    room.now = true;
    expect(await who(db)).toBe("second");
    expect(opens()).toBe(1);
    expect(lines.at(-1)).toMatch(/reopened/);
    await db.destroy();
    expect(second.closed()).toBe(true);
  });

  it("logs why it could not check for room to start again, answers 'stopped', and checks again later", async () => {
    const first = instance("first", /insert/);
    const second = instance("second");
    const lines: string[] = [];
    let checks = 0;
    const reopen: PgliteReopen = {
      canStart: async () => {
        if (++checks === 1) throw new Error("statfs /data: permission denied");
        return true;
      },
      open: async () => second.pg,
      everyMs: 0,
      log: (line) => lines.push(line),
    };
    const db = new Kysely<any>({ dialect: new PgliteDialect(first.pg, reopen) });
    await sql`insert into t values (1)`.execute(db).catch(() => undefined);

    await expect(who(db)).rejects.toBeInstanceOf(EmbeddedDatabaseStopped);
    expect(lines.at(-1)).toBe("limber: could not check whether the embedded database can start again (statfs /data: permission denied)");
    expect(await who(db)).toBe("second");
    expect(checks).toBe(2);
    await db.destroy();
  });

  it("keeps trying after failed opens, less and less often (at most once a minute)", async () => {
    vi.useFakeTimers();
    try {
      const first = instance("first", /insert/);
      let attempts = 0;
      const reopen: PgliteReopen = {
        canStart: async () => true,
        open: async () => {
          attempts++;
          throw new Error("Aborted()");
        },
        everyMs: 1000,
        log: () => undefined,
      };
      const db = new Kysely<any>({ dialect: new PgliteDialect(first.pg, reopen) });
      await sql`insert into t values (1)`.execute(db).catch(() => undefined);
      const tries = async () => {
        await expect(who(db)).rejects.toBeInstanceOf(EmbeddedDatabaseStopped);
        return attempts;
      };
      expect(await tries()).toBe(1);
      expect(await tries()).toBe(1);
      vi.advanceTimersByTime(1000);
      expect(await tries()).toBe(2);
      vi.advanceTimersByTime(1000);
      expect(await tries()).toBe(2);
      vi.advanceTimersByTime(1000);
      expect(await tries()).toBe(3);
      for (const n of [4, 5, 6, 7, 8]) {
        vi.advanceTimersByTime(10 * 60_000);
        expect(await tries()).toBe(n);
      }
      // 1 s doubled eight times would be over 4 minutes; a minute is the most it waits.
      vi.advanceTimersByTime(59_000);
      expect(await tries()).toBe(8);
      vi.advanceTimersByTime(1000);
      expect(await tries()).toBe(9);
    } finally {
      vi.useRealTimers();
    }
  });
});
