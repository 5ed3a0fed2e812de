import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, Migrator, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseConfig } from "../../src/server/db/database.ts";
import { migrationProvider } from "../../src/server/db/migrations/index.ts";
import { PgliteDialect } from "../../src/server/db/pglite-dialect.ts";
import { BACKENDS, TestBackend } from "../support/backends.ts";

async function migratedTo(config: DatabaseConfig, version: string): Promise<Kysely<unknown>> {
  const db =
    config.kind === "pglite"
      ? new Kysely<unknown>({ dialect: new PgliteDialect(await PGlite.create({ dataDir: config.dataDir })) })
      : new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: config.url, max: 2 }) }) });
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(version);
  if (error) throw error;
  return db;
}

const held = JSON.stringify([{ exerciseId: "x", phaseId: "y", side: "left", rep: 1, plannedSeconds: 20, heldSeconds: 19, skipped: false }]);
const skipped = JSON.stringify([
  { exerciseId: "x", phaseId: "y", side: "left", rep: 1, plannedSeconds: 20, heldSeconds: 1, skipped: true },
]);

describe.each(BACKENDS)("migration 0012a on %s", (name) => {
  const backend = new TestBackend(name);
  afterAll(() => backend.stop());

  it("marks each older log practised when it held a hold, page after page, through the core rule", async () => {
    const config = await backend.emptyDatabase();
    const old = await migratedTo(config, "0008-voice-clips");
    const org = randomUUID();
    const user = randomUUID();
    const now = new Date("2026-11-25T12:00:00Z");
    await sql`insert into organisations (id, name, kind, created_at) values (${org}, 'Pat', 'personal', ${now})`.execute(old);
    await sql`insert into users (id, organisation_id, email, display_name, password_hash, role, created_at, password_changed_at)
      values (${user}, ${org}, 'pat@example.org', 'Pat', 'x', 'client', ${now}, ${now})`.execute(old);
    // 1203 logs, more than two pages: one in three held a hold, one in three skipped every hold, one in three has none.
    await sql`insert into session_logs (id, user_id, organisation_id, program_id, program_version, started_at, ended_at, local_day,
        completed, steps_done, steps_total, holds, pain_before, pain_after, notes, received_at)
      select gen_random_uuid(), ${user}, ${org}, 'p', 1, ${now}, ${now}, '2026-11-20', g % 3 = 0, 1, 1,
        (case g % 3 when 0 then ${held} when 1 then ${skipped} else '[]' end)::jsonb, null, null, '', ${now}
      from generate_series(1, 1203) g`.execute(old);
    await old.destroy();

    const upgraded = await openDatabase(config);
    try {
      const rows = await upgraded.db.selectFrom("session_logs").select(["practised", "completed"]).execute();
      expect(rows.length).toBe(1203);
      expect(rows.filter((r) => r.practised).length).toBe(401);
      // The held ones are exactly the ones marked: completed stands for "held" in the data above.
      expect(rows.every((r) => r.practised === r.completed)).toBe(true);
    } finally {
      await upgraded.close();
    }
  }, 60_000);
});
