import { PGlite } from "@electric-sql/pglite";
import { randomUUID } from "node:crypto";
import { Kysely, Migrator, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrationProvider, migrations } from "../../src/server/db/migrations/index.ts";
import { PgliteDialect } from "../../src/server/db/pglite-dialect.ts";
import type { Tables } from "../../src/server/db/tables.ts";
import { dashboardRows, organisationPractice } from "../../src/server/store/dashboard.ts";
import { BACKENDS, TestBackend } from "../support/backends.ts";
import { dashboardRowsFromLogs, organisationPracticeFromLogs, practiceGroupsOf, sortedGroups } from "../support/dashboard-from-logs.ts";

const SUMMARIES = "0013-practice-summaries";
/** The schema just before the summaries came. */
const BEFORE = Object.keys(migrations)[Object.keys(migrations).indexOf(SUMMARIES) - 1]!;
const schedule = { kind: "weekdays", days: ["tue", "thu"], timesPerWeek: null, startDate: "2026-01-05", endDate: null };

describe.each(BACKENDS)("the dashboard's summaries made by the migration on %s", (name) => {
  const backend = new TestBackend(name);
  afterAll(() => backend.stop());

  it("are made for logs kept before it ran, and answer as the logs do", async () => {
    const config = await backend.emptyDatabase();
    const db =
      config.kind === "pglite"
        ? new Kysely<Tables>({ dialect: new PgliteDialect(await PGlite.create({ dataDir: config.dataDir })) })
        : new Kysely<Tables>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: config.url, max: 2 }) }) });
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();

    const org = randomUUID();
    await sql`insert into organisations (id, name, kind, created_at) values (${org}, 'Old practice', 'practice', now())`.execute(db);
    const clients = ["Jo", "Kit", "Lee"].map((n) => ({ id: randomUUID(), n }));
    for (const c of clients) {
      await sql`insert into users (id, organisation_id, email, display_name, password_hash, role, created_at, password_changed_at)
        values (${c.id}, ${org}, ${c.n + "@example.org"}, ${c.n}, 'x', 'client', now(), now())`.execute(db);
      await sql`insert into prescriptions (user_id, organisation_id, program_id, program_version, schedule, hold_overrides, note, set_by, updated_at)
        values (${c.id}, ${org}, 'foot-stretches-for-lower-back-pain', 1, ${JSON.stringify(schedule)}::jsonb, '{}'::jsonb, '', null, now())`.execute(
        db,
      );
    }
    // Jo every third day for most of a year, Kit twice on some days and some sessions unpractised, Lee nothing.
    const logs: [string, string, boolean, number | null][] = [];
    for (let n = 0; n < 300; n += 3) logs.push([clients[0]!.id, day(n), true, n % 4 === 0 ? null : n % 11]);
    for (let n = 250; n < 330; n += 2) {
      logs.push([clients[1]!.id, day(n), n % 6 !== 0, 5]);
      if (n % 10 === 0) logs.push([clients[1]!.id, day(n), true, 6]);
    }
    for (const [i, [user, d, practised, painAfter]] of logs.entries()) {
      const at = `${d}T${String(7 + (i % 2) * 10).padStart(2, "0")}:00:00Z`;
      await sql`insert into session_logs (id, user_id, organisation_id, program_id, program_version, started_at, ended_at, local_day,
          completed, steps_done, steps_total, holds, holds_planned, practised, pain_before, pain_after, notes, received_at)
        values (${randomUUID()}, ${user}, ${org}, 'foot-stretches-for-lower-back-pain', 1, ${at}, ${at}, ${d}, true, 40, 40,
          ${JSON.stringify([{ skipped: !practised }])}::jsonb, 1, ${practised}, 3, ${painAfter}, '', ${at}::timestamptz + interval '1 hour')`.execute(
        db,
      );
    }

    const { error, results } = await migrator.migrateToLatest();
    expect(error).toBeUndefined();
    expect(results?.map((r) => r.migrationName)).toContain(SUMMARIES);
    const made = await sql<{ n: number }>`select count(*)::int as n from client_summaries`.execute(db);
    expect(Number(made.rows[0]!.n)).toBe(2);
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    for (const today of ["2026-10-28", "2026-11-25", "2026-09-02", "2026-03-31"]) {
      for (const seenAt of [null, new Date(`${today}T00:00:00Z`)]) {
        expect(byId(await dashboardRows(db, org, today, { seenAt }))).toEqual(
          byId(await dashboardRowsFromLogs(db, org, today, { seenAt })),
        );
      }
      expect(sortedGroups(await organisationPractice(db, org, today))).toEqual(
        practiceGroupsOf(await organisationPracticeFromLogs(db, org, today)),
      );
    }
    const indexes = await sql<{ n: string }>`select indexname as n from pg_indexes where tablename = 'session_logs' order by 1`.execute(db);
    expect(indexes.rows.map((r) => r.n)).not.toContain("session_logs_org_day_user");
    await db.destroy();
  });
});

/** The day `n` days after 2026-01-05. */
function day(n: number): string {
  return new Date(Date.parse("2026-01-05T00:00:00Z") + n * 86_400_000).toISOString().slice(0, 10);
}
