import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestBackend } from "../../../test/support/backends.ts";
import { openDatabase, type Database } from "./database.ts";
import { checkIntegrity } from "./integrity-check.ts";

// A second server process on the same PostgreSQL keeps writing while this one starts (or while
// `limber check` runs): tables that go from empty to one row and back must not read as damage.
describe("checkIntegrity on a PostgreSQL another process is writing to", () => {
  const backend = new TestBackend("postgres");
  let database: Database;
  let writer: Database;

  beforeAll(async () => {
    const config = await backend.emptyDatabase();
    database = await openDatabase(config);
    writer = await openDatabase(config);
  }, 120_000);
  afterAll(async () => {
    await writer?.close();
    await database?.close();
    await backend.stop();
  });

  it.each(["quick", "full"] as const)(
    "finds no damage at depth %s while a table keeps filling and emptying",
    async (depth) => {
      let writing = true;
      const churn = (async () => {
        // One attempt at a time, in and out, as the rate limits and their sweep do.
        while (writing) {
          const id = randomUUID();
          await writer.db
            .insertInto("rate_limit_attempts")
            .values({ id, limit_name: "churn", subject: "x", expires_at: new Date() })
            .execute();
          await writer.db.deleteFrom("rate_limit_attempts").where("id", "=", id).execute();
        }
      })();
      const found: string[] = [];
      try {
        for (let i = 0; i < 20; i++) found.push(...(await checkIntegrity(database.db, depth)).problems);
      } finally {
        writing = false;
        await churn;
      }
      expect(found).toEqual([]);
      expect(Number((await sql<{ n: string }>`select count(*) as n from rate_limit_attempts`.execute(database.db)).rows[0]!.n)).toBe(0);
    },
    120_000,
  );
});
