import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/server/db/database.ts";
import { dashboardRows } from "../../src/server/store/dashboard.ts";
import { TestBackend } from "../support/backends.ts";
import { dashboardRowsFromLogs } from "../support/dashboard-from-logs.ts";

// Two transactions writing one client's logs at the same time, on PostgreSQL (PGlite has one
// connection, so its writers always take turns). The summaries' trigger must not let the second
// work the client out from a view that misses the first.

describe("the dashboard's summaries under concurrent writers on postgres", () => {
  const backend = new TestBackend("postgres");
  afterAll(() => backend.stop());

  it("count both of two logs inserted in overlapping transactions, and both deletions of two", async () => {
    const config = await backend.emptyDatabase();
    if (config.kind !== "postgres") throw new Error("a PostgreSQL database was expected");
    const database = await openDatabase(config);
    const pool = new pg.Pool({ connectionString: config.url, max: 2 });
    const [a, b] = [await pool.connect(), await pool.connect()];
    try {
      const org = randomUUID();
      const user = randomUUID();
      await a.query(`insert into organisations (id, name, kind, created_at) values ($1, 'P', 'practice', now())`, [org]);
      await a.query(
        `insert into users (id, organisation_id, email, display_name, password_hash, role, created_at, password_changed_at)
         values ($1, $2, 'mo@example.org', 'Mo', 'x', 'client', now(), now())`,
        [user, org],
      );
      const insert = (c: pg.PoolClient, id: string, day: string) =>
        c.query(
          `insert into session_logs (id, user_id, organisation_id, program_id, program_version, started_at, ended_at, local_day,
             completed, steps_done, steps_total, holds, holds_planned, practised, pain_before, pain_after, notes, received_at)
           values ($1, $2, $3, 'foot-stretches-for-lower-back-pain', 1, $4, $4, $5, true, 40, 40, '[{"skipped": false}]', 1, true, 3, 4, '', now())`,
          [id, user, org, `${day}T08:00:00Z`, day],
        );
      const [first, second] = [randomUUID(), randomUUID()];
      await a.query("begin");
      await b.query("begin");
      await insert(a, first, "2026-11-23");
      // The second writer's trigger waits for the first's transaction to end.
      let secondDone = false;
      const waiting = insert(b, second, "2026-11-24").then(() => (secondDone = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(secondDone).toBe(false);
      await a.query("commit");
      await waiting;
      await b.query("commit");
      const [row] = await dashboardRows(database.db, org, "2026-11-25");
      expect(row!.facts.recentDays).toEqual(["2026-11-23", "2026-11-24"]);
      expect(row!.sessionsThisWeek).toBe(2);
      expect(row!.lastSession!.day).toBe("2026-11-24");
      expect(await dashboardRows(database.db, org, "2026-11-25")).toEqual(await dashboardRowsFromLogs(database.db, org, "2026-11-25"));

      await a.query("begin");
      await b.query("begin");
      await a.query("delete from session_logs where id = $1", [first]);
      const deleting = b.query("delete from session_logs where id = $1", [second]);
      await a.query("commit");
      await deleting;
      await b.query("commit");
      const left = await a.query("select (select count(*) from practice_months) + (select count(*) from client_summaries) as n");
      expect(Number(left.rows[0].n)).toBe(0);
      expect((await dashboardRows(database.db, org, "2026-11-25"))[0]!.lastSession).toBeNull();
    } finally {
      a.release();
      b.release();
      await pool.end();
      await database.close();
    }
  });
});
