import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, TestBackend } from "../../../test/support/backends.ts";
import { openDatabase, type Database } from "../db/database.ts";
import { organisationPractice } from "./dashboard.ts";

const TODAY = "2026-11-25";
const NOW = new Date("2026-11-25T12:00:00Z");

describe.each(BACKENDS)("organisation-wide practice on %s", (name) => {
  const backend = new TestBackend(name);
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase(await backend.emptyDatabase());
  });
  afterAll(async () => {
    await database?.close();
    await backend.stop();
  });

  async function organisation(): Promise<string> {
    const id = randomUUID();
    await sql`insert into organisations (id, name, kind, created_at) values (${id}, 'Practice', 'practice', ${NOW})`.execute(database.db);
    return id;
  }
  async function user(organisationId: string, role: "client" | "coach"): Promise<string> {
    const id = randomUUID();
    await sql`insert into users (id, organisation_id, email, display_name, password_hash, role, created_at, password_changed_at)
      values (${id}, ${organisationId}, ${id + "@test"}, 'Pat', 'x', ${role}, ${NOW}, ${NOW})`.execute(database.db);
    return id;
  }
  async function logOn(organisationId: string, userId: string, day: string, practised = true): Promise<void> {
    await sql`insert into session_logs (id, user_id, organisation_id, program_id, program_version, started_at, ended_at, local_day,
        completed, steps_done, steps_total, holds, practised, pain_before, pain_after, notes, received_at)
      values (${randomUUID()}, ${userId}, ${organisationId}, 'p', 1, ${day + "T08:00:00Z"}, ${day + "T08:10:00Z"}, ${day},
        true, 1, 1, '[]'::jsonb, ${practised}, null, null, '', ${NOW})`.execute(database.db);
  }

  it("counts each client's distinct days practised in the 28 days ending today, and only its own clients, as clients per schedule and days", async () => {
    const org = await organisation();
    const busy = await user(org, "client");
    // Two clients who have not practised.
    await user(org, "client");
    await user(org, "client");
    await user(org, "coach");
    const elsewhere = await organisation();
    await logOn(elsewhere, await user(elsewhere, "client"), "2026-11-20");
    // Inside the window: its first day, twice on one day, today. Outside: the day before it, tomorrow.
    for (const day of ["2026-10-29", "2026-11-10", "2026-11-10", "2026-11-25", "2026-10-28", "2026-11-26"]) await logOn(org, busy, day);
    const rows = await organisationPractice(database.db, org, TODAY);
    expect(rows.sort((a, b) => a.days - b.days)).toEqual([
      { schedule: null, days: 0, clients: 2 },
      { schedule: null, days: 3, clients: 1 },
    ]);
  });

  it("does not count a day whose only sessions held no hold", async () => {
    const org = await organisation();
    const pat = await user(org, "client");
    await logOn(org, pat, "2026-11-20");
    // Ended before any hold, on a day of its own and beside a real session on another.
    await logOn(org, pat, "2026-11-24", false);
    await logOn(org, pat, "2026-11-20", false);
    expect(await organisationPractice(database.db, org, TODAY)).toEqual([{ schedule: null, days: 1, clients: 1 }]);
  });
});
