import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/server/db/database.ts";
import { migrations } from "../../src/server/db/migrations/index.ts";
import { BACKENDS, TestBackend } from "../support/backends.ts";

describe.each(BACKENDS)("migrations on %s", (name) => {
  const backend = new TestBackend(name);
  afterAll(() => backend.stop());

  it("run at start-up, are recorded by version, and run only once when the database is opened again", async () => {
    const config = await backend.emptyDatabase();
    const first = await openDatabase(config);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(first.db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations));
    await first.db.insertInto("organisations").values({ id: crypto.randomUUID(), name: "kept", kind: "personal", created_at: new Date() }).execute();
    await first.close();

    const second = await openDatabase(config);
    const again = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(second.db);
    expect(again.rows.map((r) => r.name)).toEqual(Object.keys(migrations));
    expect(await second.db.selectFrom("organisations").select("name").execute()).toEqual([{ name: "kept" }]);
    await second.close();
  });

  it("put an organisation id on every table that holds people's data", async () => {
    const database = await openDatabase(await backend.emptyDatabase());
    const columns = await sql<{ table_name: string }>`
      select table_name from information_schema.columns
      where column_name = 'organisation_id' and table_schema = current_schema() order by table_name`.execute(database.db);
    expect(columns.rows.map((r) => r.table_name)).toEqual(["auth_sessions", "programs", "progress", "session_logs", "users"]);
    await database.close();
  });
});
