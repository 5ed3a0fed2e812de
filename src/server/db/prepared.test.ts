import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestBackend } from "../../../test/support/backends.ts";
import { openDatabase, type Database } from "./database.ts";
import { prepared, preparedName, PREPARED_MARK } from "./prepared.ts";

describe("statements marked as prepared, on PostgreSQL", () => {
  const backend = new TestBackend("postgres");
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase(await backend.emptyDatabase());
  });
  afterAll(async () => {
    await database?.close();
    await backend.stop();
  });

  it("are named after their text, and only those marked", () => {
    const text = `${PREPARED_MARK}select 1`;
    expect(preparedName(text)).toMatch(/^limber_[0-9a-f]{24}$/);
    expect(preparedName(text)).toBe(preparedName(`${PREPARED_MARK}select 1`));
    expect(preparedName(`${PREPARED_MARK}select 2`)).not.toBe(preparedName(text));
    expect(preparedName("select 1")).toBeUndefined();
  });

  it("run as one named statement per connection, answering each time with that time's values", async () => {
    // One connection, so the prepared statements listed are the ones this statement runs on.
    await database.db.connection().execute(async (db) => {
      const twice = (n: number) => sql<{ n: number }>`${prepared}select ${n}::int * 2 as n`.execute(db);
      expect((await twice(2)).rows).toEqual([{ n: 4 }]);
      expect((await twice(21)).rows).toEqual([{ n: 42 }]);
      await sql`select ${1}::int as unmarked`.execute(db);
      const names = (await sql<{ name: string }>`select name from pg_prepared_statements`.execute(db)).rows.map((r) => r.name);
      expect(names).toEqual([preparedName(`${PREPARED_MARK}select $1::int * 2 as n`)]);
    });
  });
});
