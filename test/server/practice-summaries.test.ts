import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import type { Tables } from "../../src/server/db/tables.ts";
import { dashboardRows, organisationPractice, type ClientRow } from "../../src/server/store/dashboard.ts";
import { sessionLog, type ApiClient } from "../support/api-client.ts";
import { useTestApp } from "../support/backend-suite.ts";
import { BACKENDS } from "../support/backends.ts";
import { dashboardRowsFromLogs, organisationPracticeFromLogs, practiceGroupsOf, sortedGroups } from "../support/dashboard-from-logs.ts";

// The summaries of migration 0013 against the same answer worked out from session_logs alone
// (the dashboard's query before them), on data made through the API and changed in every way logs change.

const mwf = { kind: "weekdays", days: ["mon", "wed", "fri"], startDate: "2025-09-01" };
const hold = (skipped: boolean) => ({ exerciseId: "x", phaseId: "y", side: null, rep: 1, plannedSeconds: 20, heldSeconds: 20, skipped });
/** Days the dashboard is asked about: windows inside a month, across two, across a year's end, before any log and after the last. */
const TODAYS = ["2026-11-25", "2026-11-03", "2026-10-31", "2026-10-28", "2026-03-01", "2026-01-10", "2025-08-01", "2027-02-01"];

/** A small deterministic random source, so the varied data set is the same on every run. */
function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

describe.each(BACKENDS)("the dashboard's summaries on %s", (name) => {
  const suite = useTestApp(name);
  const db = () => suite.t.database.db as Kysely<Tables>;

  async function practice() {
    const coach = suite.t.client();
    const { account } = await coach.signUp({ displayName: "Casey", role: "coach" });
    const join = async (displayName: string) => {
      const c = suite.t.client();
      const { account: a } = await c.signUp({ displayName });
      await c.post("/api/invites/accept", { code: (await coach.post("/api/invites", {})).body.code });
      await coach.put(`/api/clients/${a.id}/prescription`, {
        programId: "foot-stretches-for-lower-back-pain",
        programVersion: 1,
        schedule: mwf,
      });
      return { c, id: a.id };
    };
    return { coach, org: account.organisationId, join };
  }

  /**
   * Posts a log as the client would, a few minutes after the last one arrived (so arrival times
   * differ). A second session on a day starts later (`hour`): the logs' query orders by start alone.
   */
  async function post(c: ApiClient, day: string, extra: Record<string, unknown> = {}, id = randomUUID(), hour = "08") {
    suite.t.clock.advance(7 * 60_000);
    const r = await c.post(
      "/api/logs",
      sessionLog({ id, startedAt: `${day}T${hour}:00:00+01:00`, endedAt: `${day}T${hour}:12:00+01:00`, ...extra }),
    );
    expect([200, 201]).toContain(r.status);
    return id;
  }

  const byId = (rows: ClientRow[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

  /** Every day, every coach's last look, both queries: the summaries answer exactly what the logs answer. */
  async function expectSameAsLogs(org: string) {
    // practice_days (migration 0014) is practice_months' bits, row for row.
    const copy = await sql<{ n: number }>`
      select count(*)::int as n from (
        (select user_id, month, organisation_id, practised_days from practice_months
         except all select user_id, month, organisation_id, practised_days from practice_days)
        union all
        (select user_id, month, organisation_id, practised_days from practice_days
         except all select user_id, month, organisation_id, practised_days from practice_months)) x`.execute(db());
    expect(Number(copy.rows[0]!.n)).toBe(0);
    const now = suite.t.clock.now();
    const looks = [null, new Date(now.getTime() - 3 * 3600_000), new Date("2026-11-01T00:00:00Z"), now];
    for (const today of TODAYS) {
      for (const seenAt of looks) {
        expect(byId(await dashboardRows(db(), org, today, { seenAt })), `${today} seen ${seenAt?.toISOString()}`).toEqual(
          byId(await dashboardRowsFromLogs(db(), org, today, { seenAt })),
        );
      }
      expect(sortedGroups(await organisationPractice(db(), org, today))).toEqual(
        practiceGroupsOf(await organisationPracticeFromLogs(db(), org, today)),
      );
    }
  }

  const summaryRows = async (userId: string) => {
    const months = await sql<{ n: number }>`select count(*)::int as n from practice_months where user_id = ${userId}`.execute(db());
    const days = await sql<{ n: number }>`select count(*)::int as n from practice_days where user_id = ${userId}`.execute(db());
    const client = await sql<{ n: number }>`select count(*)::int as n from client_summaries where user_id = ${userId}`.execute(db());
    return { months: Number(months.rows[0]!.n), days: Number(days.rows[0]!.n), client: Number(client.rows[0]!.n) };
  };

  it("count the 31st of a month, two sessions on one day, and no practised day for a session with every hold skipped", async () => {
    const { org, join } = await practice();
    const dana = await join("Dana");
    await post(dana.c, "2026-10-30", { painAfter: 3 });
    await post(dana.c, "2026-10-31", { painAfter: 4 });
    await post(dana.c, "2026-11-02", { painAfter: 5 });
    await post(dana.c, "2026-11-02", { painAfter: null, painBefore: null }, randomUUID(), "18");
    await post(dana.c, "2026-11-03", { holds: [hold(true), hold(true)], completed: false, stepsDone: 3, painAfter: null });
    const [row] = await dashboardRows(db(), org, "2026-11-05");
    expect(row!.facts.recentDays).toEqual(["2026-10-30", "2026-10-31", "2026-11-02"]);
    expect(row!.facts.lastDay).toBe("2026-11-02");
    expect(row!.sessionsThisWeek).toBe(5);
    expect(row!.facts.lastRated).toEqual([
      { day: "2026-10-30", painBefore: 6, painAfter: 3 },
      { day: "2026-10-31", painBefore: 6, painAfter: 4 },
      { day: "2026-11-02", painBefore: 6, painAfter: 5 },
    ]);
    expect(row!.lastSession).toMatchObject({ day: "2026-11-03", completed: false, holdsDone: 0, holdsPlanned: null });
    expect(await organisationPractice(db(), org, "2026-11-05")).toEqual([{ schedule: expect.any(String), days: 3, clients: 1 }]);
    expect(await summaryRows(dana.id)).toEqual({ months: 2, days: 2, client: 1 });
    await expectSameAsLogs(org);
  });

  it("answer as the logs do for a varied practice: a year of history, sessions posted out of order, skipped holds, pain unrated", async () => {
    const { org, join } = await practice();
    const next = random(name === "pglite" ? 13 : 31);
    const clients = await Promise.all(["Ash", "Bo", "Cy", "Di"].map((n) => join(n)));
    await join("Nobody yet"); // a client with no session at all
    const sessions: { c: ApiClient; day: string; extra: Record<string, unknown>; hour?: string }[] = [];
    for (const [i, client] of clients.entries()) {
      // Ash practises most days for 14 months, the others less and less often.
      for (let n = dayNumber("2025-10-01"); n <= dayNumber("2026-11-25"); n++) {
        if (next() > [0.3, 0.12, 0.05, 0.02][i]!) continue;
        const skipped = next() < 0.15;
        const extra: Record<string, unknown> = {
          painBefore: next() < 0.2 ? null : Math.floor(next() * 11),
          painAfter: next() < 0.3 ? null : Math.floor(next() * 11),
          holds: skipped ? [hold(true)] : [hold(false), hold(next() < 0.5)],
        };
        if (next() < 0.1) Object.assign(extra, { completed: false, stepsDone: 5, holdsPlanned: next() < 0.5 ? 25 : undefined });
        sessions.push({ c: client.c, day: dateOf(n), extra });
        if (next() < 0.08) sessions.push({ c: client.c, day: dateOf(n), extra: { ...extra, painAfter: 2 }, hour: "18" });
      }
    }
    // Logs queued offline arrive late and out of order.
    for (let i = sessions.length - 1; i > 0; i--) {
      if (next() < 0.2) {
        const j = Math.floor(next() * (i + 1));
        [sessions[i], sessions[j]] = [sessions[j]!, sessions[i]!];
      }
    }
    for (const s of sessions) await post(s.c, s.day, s.extra, randomUUID(), s.hour);
    expect(sessions.length).toBeGreaterThan(150);
    await expectSameAsLogs(org);
  });

  it("add a log newer than the client's latest to the rows as they are, and work one posted late out again from the logs", async () => {
    const { org, join } = await practice();
    const jo = await join("Jo");
    await post(jo.c, "2026-11-16", { painAfter: 2 });
    const days = async () =>
      (
        await sql<{
          bits: number;
        }>`select practised_days as bits from practice_months where user_id = ${jo.id} and month = '2026-11'`.execute(db())
      ).rows[0]!.bits;
    // A mark no log makes (the 1st practised): only a step that builds on the month row keeps it.
    await sql`update practice_months set practised_days = practised_days | 1 where user_id = ${jo.id}`.execute(db());
    await post(jo.c, "2026-11-18", { painAfter: 3 });
    expect(await days()).toBe(1 | (1 << 15) | (1 << 17));
    // Older than the latest: the month is read again from its logs, and the mark goes.
    await post(jo.c, "2026-11-17", { painAfter: 4 });
    expect(await days()).toBe((1 << 15) | (1 << 16) | (1 << 17));
    const [row] = await dashboardRows(db(), org, "2026-11-25");
    expect(row!.recentSessions.map((r) => [r.day, r.painAfter])).toEqual([
      ["2026-11-16", 2],
      ["2026-11-17", 4],
      ["2026-11-18", 3],
    ]);
    expect(row!.lastSession!.day).toBe("2026-11-18");
    await expectSameAsLogs(org);
  });

  it("add the logs of many clients kept by one statement as each alone would be: in place, or worked out again from the logs", async () => {
    const { org, join } = await practice();
    const [ann, ben, cat, dan] = [await join("Ann"), await join("Ben"), await join("Cat"), await join("Dan")];
    for (const c of [ann, ben, cat]) await post(c!.c, "2026-11-16", { painAfter: 2 });
    await post(dan!.c, "2026-10-20", { painAfter: 5 });
    const marked = [ann!.id, ben!.id, cat!.id];
    // A mark no log makes (the 1st practised): kept by a step that builds on the month row, gone when the month is read again.
    await sql`update practice_months set practised_days = practised_days | 1 where user_id = any(${marked}::uuid[])`.execute(db());
    const row = (userId: string, day: string, painAfter: number | null) => ({ userId, day, painAfter, id: randomUUID() });
    const logs = [
      row(ann!.id, "2026-11-18", 3), // newer: in place
      row(ben!.id, "2026-11-10", 4), // older than Ben's latest: worked out again
      row(cat!.id, "2026-11-19", null), // two of Cat's in one statement: worked out again
      row(cat!.id, "2026-11-20", 1),
      row(dan!.id, "2026-11-21", 2), // newer, in a month Dan has no row for yet: in place, the month made
    ];
    await sql`insert into session_logs (id, user_id, organisation_id, program_id, program_version, started_at, ended_at, local_day,
        completed, steps_done, steps_total, holds, holds_planned, practised, pain_before, pain_after, notes, received_at)
      select l.id, l.user_id, ${org}, 'foot-stretches-for-lower-back-pain', 1, (l.day || 'T08:00:00+01:00')::timestamptz,
        (l.day || 'T08:12:00+01:00')::timestamptz, l.day, true, 40, 40, '[]'::jsonb, 40, true, 6, l.pain_after, '', '2026-11-25T12:00:00Z'
      from jsonb_to_recordset(${JSON.stringify(logs.map((l) => ({ id: l.id, user_id: l.userId, day: l.day, pain_after: l.painAfter })))}::jsonb)
        as l(id uuid, user_id uuid, day text, pain_after smallint)`.execute(db());
    const bits = async (userId: string, month: string) =>
      (
        await sql<{ b: number }>`select practised_days as b from practice_months where user_id = ${userId} and month = ${month}`.execute(
          db(),
        )
      ).rows[0]?.b;
    expect(await bits(ann!.id, "2026-11")).toBe(1 | (1 << 15) | (1 << 17));
    expect(await bits(ben!.id, "2026-11")).toBe((1 << 9) | (1 << 15));
    expect(await bits(cat!.id, "2026-11")).toBe((1 << 15) | (1 << 18) | (1 << 19));
    expect(await bits(dan!.id, "2026-11")).toBe(1 << 20);
    expect(await bits(dan!.id, "2026-10")).toBe(1 << 19);
    await sql`update practice_months set practised_days = practised_days & ~1 where user_id = ${ann!.id}`.execute(db());
    const rows = byId(await dashboardRows(db(), org, "2026-11-25"));
    const byName = new Map(rows.map((r) => [r.id, r]));
    expect(byName.get(ann!.id)!.recentSessions.map((r) => [r.day, r.painAfter])).toEqual([
      ["2026-11-16", 2],
      ["2026-11-18", 3],
    ]);
    expect(byName.get(ben!.id)!.lastSession!.day).toBe("2026-11-16");
    expect(byName.get(cat!.id)!.lastSession!.day).toBe("2026-11-20");
    expect(byName.get(dan!.id)!.lastSession!.day).toBe("2026-11-21");
    await expectSameAsLogs(org);
  });

  it("change nothing for a log posted again, one after the other or at the same moment, and count each new log once", async () => {
    const { org, join } = await practice();
    const eve = await join("Eve");
    const id = await post(eve.c, "2026-11-23");
    await post(eve.c, "2026-11-23", {}, id);
    expect((await dashboardRows(db(), org, "2026-11-25"))[0]!.sessionsThisWeek).toBe(1);
    const again = sessionLog({ id, startedAt: "2026-11-23T08:00:00+01:00", endedAt: "2026-11-23T08:12:00+01:00" });
    const fresh = ["2026-11-24T08", "2026-11-25T08", "2026-11-25T18"].map((t) =>
      sessionLog({ startedAt: `${t}:00:00+01:00`, endedAt: `${t}:12:00+01:00` }),
    );
    const answers = await Promise.all([again, fresh[0], again, fresh[1], fresh[2], fresh[1], again].map((l) => eve.c.post("/api/logs", l)));
    expect(answers.every((a) => a.status === 200 || a.status === 201)).toBe(true);
    const [row] = await dashboardRows(db(), org, "2026-11-25");
    expect(row!.sessionsThisWeek).toBe(4);
    expect(row!.facts.recentDays).toEqual(["2026-11-23", "2026-11-24", "2026-11-25"]);
    await expectSameAsLogs(org);
  });

  it("follow logs removed: the newest, one of two on a day, the only one of a month, and every one of a client", async () => {
    const { org, join } = await practice();
    const fay = await join("Fay");
    const gus = await join("Gus");
    const ids: Record<string, string> = {};
    for (const day of ["2026-09-30", "2026-10-05", "2026-10-07", "2026-11-20", "2026-11-23", "2026-11-25"])
      ids[day] = await post(fay.c, day, { painAfter: 7 });
    const twin = await post(fay.c, "2026-11-23", { painAfter: 1 }, randomUUID(), "18");
    for (const day of ["2026-11-02", "2026-11-04"]) await post(gus.c, day);
    await sql`delete from session_logs where id in (${ids["2026-11-25"]!}, ${twin}, ${ids["2026-09-30"]!})`.execute(db());
    const [row] = (await dashboardRows(db(), org, "2026-11-25")).filter((r) => r.id === fay.id);
    expect(row!.lastSession!.day).toBe("2026-11-23");
    expect(row!.facts.lastRated.map((r) => r.day)).toEqual(["2026-10-07", "2026-11-20", "2026-11-23"]);
    expect(row!.sessionsThisWeek).toBe(2);
    expect(await summaryRows(fay.id)).toEqual({ months: 2, days: 2, client: 1 });
    await sql`delete from session_logs where user_id = ${gus.id}`.execute(db());
    expect(await summaryRows(gus.id)).toEqual({ months: 0, days: 0, client: 0 });
    await expectSameAsLogs(org);
  });

  it("go with a deleted account and move with a client who leaves the practice and joins another", async () => {
    const { coach, org, join } = await practice();
    const hal = await join("Hal");
    const ida = await join("Ida");
    for (const day of ["2026-10-12", "2026-11-16", "2026-11-18"]) {
      await post(hal.c, day);
      await post(ida.c, day);
    }
    expect((await hal.c.delete("/api/account", { password: "correct horse battery" })).status).toBe(204);
    expect(await summaryRows(hal.id)).toEqual({ months: 0, days: 0, client: 0 });
    expect((await dashboardRows(db(), org, "2026-11-25")).map((r) => r.displayName)).toEqual(["Ida"]);
    await expectSameAsLogs(org);

    // The practice lets Ida go: her logs, and the summaries with them, move to an organisation of her own.
    expect((await coach.delete(`/api/clients/${ida.id}`)).status).toBe(204);
    const orgOf = async () =>
      (await sql<{ o: string }>`select organisation_id as o from users where id = ${ida.id}`.execute(db())).rows[0]!.o;
    const own = await orgOf();
    expect(own).not.toBe(org);
    const placed = await sql<{ o: string }>`
      select organisation_id as o from practice_months where user_id = ${ida.id}
      union select organisation_id from practice_days where user_id = ${ida.id}
      union select organisation_id from client_summaries where user_id = ${ida.id}`.execute(db());
    expect(placed.rows).toEqual([{ o: own }]);
    expect(await dashboardRows(db(), org, "2026-11-25")).toEqual([]);
    expect(await organisationPractice(db(), org, "2026-11-25")).toEqual([]);
    await expectSameAsLogs(own);

    // She joins another practice, which sees her history at once.
    const other = await practice();
    await ida.c.post("/api/invites/accept", { code: (await other.coach.post("/api/invites", {})).body.code });
    expect(await orgOf()).toBe(other.org);
    const [row] = await dashboardRows(db(), other.org, "2026-11-25");
    expect(row!.facts.recentDays).toEqual(["2026-11-16", "2026-11-18"]);
    expect(row!.lastSession!.day).toBe("2026-11-18");
    await expectSameAsLogs(other.org);
  });
});

function dayNumber(d: string): number {
  return Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
}
function dateOf(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}
