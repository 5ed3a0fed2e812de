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
    await first.db
      .insertInto("organisations")
      .values({ id: crypto.randomUUID(), name: "kept", kind: "personal", created_at: new Date() })
      .execute();
    await first.close();

    const second = await openDatabase(config);
    const again = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(second.db);
    expect(again.rows.map((r) => r.name)).toEqual(Object.keys(migrations));
    expect(await second.db.selectFrom("organisations").select("name").execute()).toEqual([{ name: "kept" }]);
    await second.close();
  });

  it("find an up-to-date database needs nothing in one statement, leaving Kysely's migration lock alone", async () => {
    const config = await backend.emptyDatabase();
    await (await openDatabase(config)).close();
    const sent: string[] = [];
    const again = await openDatabase(config, { log: (event) => void sent.push(event.query.sql) });
    expect(sent).toEqual(["select name from kysely_migration"]);
    await again.close();
  });

  it("put an organisation id on users and on every table that holds a user's data", async () => {
    const database = await openDatabase(await backend.emptyDatabase());
    const columns = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where column_name in ('user_id', 'organisation_id') and table_schema = current_schema()`.execute(database.db);
    const withOrganisation = new Set(columns.rows.filter((r) => r.column_name === "organisation_id").map((r) => r.table_name));
    const withUser = [...new Set(columns.rows.filter((r) => r.column_name === "user_id").map((r) => r.table_name))];
    expect(withUser).toEqual(expect.arrayContaining(["auth_sessions", "session_logs", "progress"]));
    // Reset and email-check links are credentials of the account, not data of an organisation: they
    // are found by their token's hash only, and go with the account (password-reset.test.ts). The mail
    // queue is the server's own work, claimed by due time across organisations; its rows go with the account.
    const credentials = ["password_resets", "email_checks", "mail_queue"];
    for (const table of [...withUser.filter((t) => !credentials.includes(t)), "users"])
      expect(withOrganisation.has(table), table).toBe(true);
    expect(withUser).toEqual(expect.arrayContaining(credentials));
    await database.close();
  });
});
