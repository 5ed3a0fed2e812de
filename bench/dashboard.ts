/**
 * The coach's dashboard and the organisation-wide adherence query on bulk data, PGlite and
 * PostgreSQL in the same run. Data is made in the database with generate_series (about 80 % of
 * days practised, random pain scores, everyone on a Mon/Wed/Fri plan).
 *
 * Measured in-process through the real app (Hono routing, session lookup, SQL, core maths,
 * JSON), so the figures are the server's own work without a network:
 *   - GET /api/clients for 250 and 500 clients × 365 days, and 500 clients × 182 days;
 *   - the same dashboard computed the naive way (every log of the practice loaded into Node and
 *     given to adherenceOver/flagsFor) for 500 × 365, as the baseline;
 *   - GET /api/clients/adherence for 5,000 and 10,000 clients × 365 days.
 * And first, in its own section (coach-dashboard-glance): the dashboard read at a glance (sparklines,
 * weekly adherence, holds done, what is new) for the same three sizes, beside the query the dashboard
 * ran before it (bench/dashboard-baseline.ts) on the same data. BENCH_PART=glance runs only that, BENCH_PART=main only the rest.
 * (Sizes are the defaults; BENCH_CLIENTS, BENCH_DAYS and BENCH_WIDE_CLIENTS change them.)
 * Writes its sections of BENCHMARKS.md.
 *
 *   npm run bench:dashboard
 *   BENCH_PART=glance npm run bench:dashboard
 *   BENCH_CLIENTS=20,40 BENCH_DAYS=60 BENCH_WIDE_CLIENTS=100,200 BENCH_RUNS=5 npm run bench:dashboard
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql, type Kysely, type RawBuilder } from "kysely";
import { adherenceOver, attentionScore, flagsFor } from "../src/core/adherence.ts";
import { addDays } from "../src/core/calendar-date.ts";
import { Schedule } from "../src/core/schedule.ts";
import { createApp } from "../src/server/app.ts";
import { newToken, tokenHash } from "../src/server/auth/tokens.ts";
import { manualClock } from "../src/server/clock.ts";
import { openDatabase, type DatabaseConfig } from "../src/server/db/database.ts";
import type { Tables } from "../src/server/db/tables.ts";
import { upkeepRound } from "../src/server/db/upkeep.ts";
import { prepareDeps } from "../src/server/serving.ts";
import { insertAuthSession } from "../src/server/store/auth-sessions.ts";
import { dashboardRows, organisationPractice, organisationPracticeQuery } from "../src/server/store/dashboard.ts";
import {
  dashboardRowsFromLogs,
  organisationPracticeFromLogs,
  organisationPracticeFromLogsQuery,
} from "../test/support/dashboard-from-logs.ts";
import { startPostgres } from "../test/support/postgres.ts";
import { todaysDashboardRows } from "./dashboard-baseline.ts";
import { beginRun, runHeader, writeSection } from "./benchmarks-section.ts";

const TODAY = "2026-11-25";
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WIDE_RUNS = Number(process.env.BENCH_WIDE_RUNS ?? 10);
const [SMALL, LARGE] = (process.env.BENCH_CLIENTS ?? "250,500").split(",").map(Number) as [number, number];
const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const HALF = Math.round(DAYS / 2);
const [WIDE_SMALL, WIDE_LARGE] = (process.env.BENCH_WIDE_CLIENTS ?? "5000,10000").split(",").map(Number) as [number, number];
/** "all" runs both sections; "glance" only the dashboard-at-a-glance section beside today's query, "main" only the other. */
const PART = process.env.BENCH_PART ?? "all";
const run = beginRun("bench:dashboard", {
  BENCH_PART: PART,
  BENCH_RUNS: RUNS,
  BENCH_WIDE_RUNS: WIDE_RUNS,
  BENCH_CLIENTS: `${SMALL},${LARGE}`,
  BENCH_DAYS: DAYS,
  BENCH_WIDE_CLIENTS: `${WIDE_SMALL},${WIDE_LARGE}`,
});
const PREVIOUS = "baseline: today's organisation-wide query (session_logs, a day range per client, at 3ad26b1), SQL alone";
const plans: { backend: string; clients: number; query: "now" | "previous" | "unvacuumed"; plan: string }[] = [];
const UNVACUUMED =
  "GET /api/clients/adherence before any vacuum (history of one bulk load, without today's logs; as after a restore, until the upkeep's first round)";
/** Which indexes each reader of logs by day chose with migration 0013's dropped index put back. */
const droppedIndex: { backend: string; query: string; indexes: string }[] = [];
const SCHEDULE = { kind: "weekdays", days: ["mon", "wed", "fri"], timesPerWeek: null, startDate: "2025-01-01", endDate: null };

interface Row {
  backend: string;
  what: string;
  clients: number;
  days: number;
  logs: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Makes a practice with `clients` clients, each with a plan and ~80 % of `days` days logged, the last
 * of them `through` (today unless given); answers its id and a coach's cookie.
 */
async function practice(
  db: Kysely<Tables>,
  clients: number,
  days: number,
  through: string = TODAY,
): Promise<{ org: string; cookie: string; logs: number }> {
  const org = randomUUID();
  const tag = org.slice(0, 8);
  await sql`insert into organisations (id, name, kind, created_at) values (${org}, ${"Bench " + tag}, 'practice', now())`.execute(db);
  const coach = randomUUID();
  await sql`insert into users (id, organisation_id, email, display_name, password_hash, role, created_at, password_changed_at)
    values (${coach}, ${org}, ${"coach-" + tag + "@bench.test"}, 'Bench coach', 'x', 'coach', now(), now())`.execute(db);
  await sql`insert into users (id, organisation_id, email, display_name, password_hash, role, created_at, password_changed_at)
    select gen_random_uuid(), ${org}, 'c' || g || '-' || ${tag} || '@bench.test', 'Client ' || g, 'x', 'client', now(), now()
    from generate_series(1, ${clients}::int) g`.execute(db);
  await sql`insert into prescriptions (user_id, organisation_id, program_id, program_version, schedule, hold_overrides, note, set_by, updated_at)
    select id, organisation_id, 'foot-stretches-for-lower-back-pain', 1, ${JSON.stringify(SCHEDULE)}::jsonb, '{}'::jsonb, '', ${coach}, now()
    from users where organisation_id = ${org} and role = 'client'`.execute(db);
  // Ids count up within the practice, so the primary key takes them in order (PGlite's 16 MB of
  // buffers would otherwise be read and written for every one of a million random keys).
  await sql`insert into session_logs (id, user_id, organisation_id, program_id, program_version, started_at, ended_at, local_day,
      completed, steps_done, steps_total, holds, practised, pain_before, pain_after, notes, received_at)
    select (${tag} || '-0000-4000-8000-' || lpad(to_hex(row_number() over ()), 12, '0'))::uuid, u.id, u.organisation_id, 'foot-stretches-for-lower-back-pain', 1,
      d + time '08:00', d + time '08:12', to_char(d, 'YYYY-MM-DD'), true, 40, 40, '[]'::jsonb, true,
      floor(random() * 11)::int, floor(random() * 11)::int, '', d + time '08:13'
    from users u cross join generate_series(${through}::date - (${days}::int - 1), ${through}::date, interval '1 day') d
    where u.organisation_id = ${org} and u.role = 'client' and random() < 0.8`.execute(db);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from session_logs where organisation_id = ${org}`.execute(db);
  const token = newToken();
  await insertAuthSession(
    db,
    { tokenHash: tokenHash(token), userId: coach, organisationId: org, csrfToken: newToken(), expiresAt: new Date("2030-01-01") },
    new Date(),
  );
  return { org, cookie: `limber_session=${token}`, logs: Number(rows[0]!.n) };
}

/**
 * Runs `load` with the table's secondary indexes dropped, then builds them again from their own
 * definitions (pg_indexes): one sort per index instead of a million scattered inserts into each.
 * The summaries' triggers (migration 0013) are off meanwhile, since they read logs through those
 * indexes; the summaries are then made once for every client, as the migration makes them.
 */
async function withoutSecondaryIndexes(db: Kysely<Tables>, table: string, load: () => Promise<void>): Promise<void> {
  const { rows } = await sql<{ indexname: string; indexdef: string }>`
    select i.indexname, i.indexdef from pg_indexes i
    where i.tablename = ${table} and i.schemaname = current_schema()
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
  `.execute(db);
  for (const r of rows) await sql.raw(`drop index "${r.indexname}"`).execute(db);
  await sql.raw(`alter table ${table} disable trigger user`).execute(db);
  try {
    await load();
  } finally {
    for (const r of rows) await sql.raw(r.indexdef).execute(db);
    await sql.raw(`alter table ${table} enable trigger user`).execute(db);
  }
  await sql`
    select refresh_practice_summary(c.user_id, c.months)
    from (select user_id, array_agg(distinct substr(local_day, 1, 7)) as months from session_logs group by user_id order by user_id) c
  `.execute(db);
}

/**
 * Today's logs for ~80 % of a practice's clients, in one statement with the summaries' triggers on,
 * so each client's month rows are written again as a day of posted logs writes them (ids go on from
 * the practice's last). Answers how many.
 */
async function todaysLogs(db: Kysely<Tables>, org: string): Promise<number> {
  const tag = org.slice(0, 8);
  const { rows } = await sql<{ n: number }>`
    with made as (
      insert into session_logs (id, user_id, organisation_id, program_id, program_version, started_at, ended_at, local_day,
        completed, steps_done, steps_total, holds, practised, pain_before, pain_after, notes, received_at)
      select (${tag} || '-0000-4000-9000-' || lpad(to_hex(row_number() over ()), 12, '0'))::uuid, u.id, u.organisation_id,
        'foot-stretches-for-lower-back-pain', 1, ${TODAY}::date + time '08:00', ${TODAY}::date + time '08:12', ${TODAY}, true, 40, 40, '[]'::jsonb, true,
        floor(random() * 11)::int, floor(random() * 11)::int, '', ${TODAY}::date + time '08:13'
      from users u where u.organisation_id = ${org} and u.role = 'client' and random() < 0.8
      returning 1
    )
    select count(*)::int as n from made`.execute(db);
  return Number(rows[0]!.n);
}

/**
 * Puts back the (organisation_id, local_day, user_id) index that migration 0013 dropped, asks the
 * planner how each query that reads session_logs by day would run, and drops it again.
 */
async function plansWithDroppedIndex(db: Kysely<Tables>, backend: string, org: string): Promise<void> {
  const { rows } = await sql<{ id: string }>`select id from users where organisation_id = ${org} and role = 'client' limit 1`.execute(db);
  const user = rows[0]!.id;
  await sql`create index session_logs_org_day_user on session_logs (organisation_id, local_day, user_id)`.execute(db);
  await sql`analyze session_logs`.execute(db);
  const readers: [string, RawBuilder<unknown>][] = [
    ["organisation-wide, from the logs (the baseline)", organisationPracticeFromLogsQuery(org, TODAY)],
    [
      "a client's sessions by day (listSessionLogs)",
      sql`select * from session_logs where user_id = ${user} and local_day >= '2026-09-01' and local_day <= ${TODAY} order by started_at, id`,
    ],
    [
      "practised on a day (reminders' practisedOn)",
      sql`select id from session_logs where user_id = ${user} and local_day = ${TODAY} and practised limit 1`,
    ],
  ];
  for (const [query, q] of readers) {
    const compiled = q.compile(db);
    const plan = await db.executeQuery<{ "QUERY PLAN": string }>({ ...compiled, sql: `explain ${compiled.sql}` });
    const used = [
      ...new Set(plan.rows.flatMap((r) => [...r["QUERY PLAN"].matchAll(/(?:using|Bitmap Index Scan on) (\w+)/g)].map((m) => m[1]!))),
    ];
    droppedIndex.push({ backend, query, indexes: used.join(", ") || "none (sequential scan)" });
  }
  await sql`drop index session_logs_org_day_user`.execute(db);
}

/** What EXPLAIN (ANALYZE, BUFFERS) says matters: how session_logs or the summaries were read (with heap fetches), how rows were sorted, the buffers, the time. */
async function explainSummary(db: Kysely<Tables>, query: RawBuilder<unknown>): Promise<string> {
  const compiled = query.compile(db);
  const { rows } = await db.executeQuery<{ "QUERY PLAN": string }>({
    ...compiled,
    sql: `explain (analyze, buffers) ${compiled.sql}`,
  });
  const lines = rows.map((r) => r["QUERY PLAN"].trim());
  const picked = lines
    .filter((l) => /on session_logs|on practice_months|on practice_days|Heap Fetches|Sort Method|Execution Time/.test(l))
    .map((l) => l.replace(/\s*\(cost=[^)]*\)/, "").replace(/\s*\(actual time=[^)]*\)/, ""));
  const buffers = lines.find((l) => l.startsWith("Buffers:"));
  return [...new Set([...picked, ...(buffers ? [`top node ${buffers}`] : [])])].join("; ");
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function time(runs: number, f: () => Promise<void>): Promise<{ p50: number; p95: number; p99: number }> {
  for (let i = 0; i < 3; i++) await f();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), p99: round(percentile(samples, 99)) };
}

/** The baseline: every log of the practice into Node, then the core's functions per client. */
async function naiveDashboard(db: Kysely<Tables>, org: string): Promise<number> {
  const clients = await db
    .selectFrom("users as u")
    .leftJoin("prescriptions as p", "p.user_id", "u.id")
    .select(["u.id", "u.display_name", "p.schedule"])
    .where("u.organisation_id", "=", org)
    .where("u.role", "=", "client")
    .execute();
  const logs = await db
    .selectFrom("session_logs")
    .select(["user_id", "local_day", "started_at", "completed", "pain_before", "pain_after"])
    .where("organisation_id", "=", org)
    .orderBy("started_at")
    .execute();
  const byUser = new Map<string, { startedAt: string; completed: boolean; painBefore: number | null; painAfter: number | null }[]>();
  for (const l of logs) {
    let list = byUser.get(l.user_id);
    if (!list) byUser.set(l.user_id, (list = []));
    list.push({ startedAt: l.local_day, completed: l.completed, painBefore: l.pain_before, painAfter: l.pain_after });
  }
  const rows = clients.map((c) => {
    const schedule = c.schedule === null ? null : Schedule.parse(c.schedule);
    const sessions = byUser.get(c.id) ?? [];
    const month = adherenceOver(schedule, sessions, TODAY, 28);
    const flags = flagsFor(schedule, sessions, TODAY);
    return { id: c.id, week: adherenceOver(schedule, sessions, TODAY, 7), month, flags, attention: attentionScore(flags, month) };
  });
  rows.sort((a, b) => b.attention - a.attention);
  return JSON.stringify(rows).length;
}

async function measure(backend: string, config: DatabaseConfig): Promise<Row[]> {
  const database = await openDatabase(config);
  const deps = await prepareDeps(database, manualClock(`${TODAY}T12:00:00Z`));
  const app = createApp(deps);
  const db = database.db;
  const out: Row[] = [];
  const get = async (path: string, cookie: string) => {
    const res = await app.request(`http://127.0.0.1${path}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    await res.text();
  };
  const t0 = performance.now();
  const sizes = [
    { clients: SMALL, days: DAYS },
    { clients: LARGE, days: DAYS },
    { clients: LARGE, days: HALF },
  ];
  const made: ({ clients: number; days: number } & Awaited<ReturnType<typeof practice>>)[] = [];
  const wide: typeof made = [];
  // History up to yesterday in bulk; today's logs come later, through the triggers.
  const yesterday = addDays(TODAY, -1);
  await withoutSecondaryIndexes(db, "session_logs", async () => {
    for (const s of sizes) made.push({ ...s, ...(await practice(db, s.clients, s.days - 1, yesterday)) });
    for (const clients of [WIDE_SMALL, WIDE_LARGE])
      wide.push({ clients, days: DAYS, ...(await practice(db, clients, DAYS - 1, yesterday)) });
  });
  await sql`analyze`.execute(db);
  // Before any vacuum, as a database just restored or migrated is until the upkeep's first round.
  const largest = wide[1]!;
  const unvacuumed = await time(WIDE_RUNS, () => get(`/api/clients/adherence?today=${TODAY}`, largest.cookie));
  const unvacuumedPlan = await explainSummary(db, organisationPracticeQuery(largest.org, TODAY));
  // The server's own upkeep as its daily sweep runs it (src/server/db/upkeep.ts: VACUUM (ANALYZE) of
  // every table; on PostgreSQL autovacuum does as much), then a day of logs through the triggers.
  await upkeepRound(db, { sweep: true });
  for (const m of [...made, ...wide]) m.logs += await todaysLogs(db, m.org);
  // The PGlite server checkpoints every 5 minutes (src/server/db/checkpoints.ts), PostgreSQL's checkpointer as often.
  await sql`checkpoint`.execute(db);
  console.error(`${backend}: data made in ${Math.round((performance.now() - t0) / 1000)} s`);

  for (const m of made) {
    const t = await time(RUNS, () => get(`/api/clients?today=${TODAY}`, m.cookie));
    out.push({ backend, what: "GET /api/clients (dashboard)", clients: m.clients, days: m.days, logs: m.logs, ...t });
    console.error(backend, m.clients, m.days, t);
  }
  const big = made[1]!;
  const sqlOnly = await time(RUNS, async () => void (await dashboardRows(db, big.org, TODAY)));
  out.push({
    backend,
    what: "dashboardRows alone (the SQL and its rows, no HTTP or maths)",
    clients: big.clients,
    days: big.days,
    logs: big.logs,
    ...sqlOnly,
  });
  console.error(backend, "sql only", sqlOnly);
  const naive = await time(Math.min(RUNS, 10), async () => void (await naiveDashboard(db, big.org)));
  out.push({
    backend,
    what: "baseline: every log into Node, core per client",
    clients: big.clients,
    days: big.days,
    logs: big.logs,
    ...naive,
  });
  console.error(backend, "naive", naive);
  for (const w of wide) {
    const t = await time(WIDE_RUNS, () => get(`/api/clients/adherence?today=${TODAY}`, w.cookie));
    out.push({
      backend,
      what: "GET /api/clients/adherence (organisation-wide, 28 days)",
      clients: w.clients,
      days: w.days,
      logs: w.logs,
      ...t,
    });
    console.error(backend, "wide", w.clients, t);
    const q = await time(WIDE_RUNS, async () => void (await organisationPractice(db, w.org, TODAY)));
    out.push({ backend, what: "organisationPractice alone (the SQL and its rows)", clients: w.clients, days: w.days, logs: w.logs, ...q });
    console.error(backend, "wide sql only", w.clients, q);
    const before = await time(WIDE_RUNS, async () => void (await organisationPracticeFromLogs(db, w.org, TODAY)));
    out.push({ backend, what: PREVIOUS, clients: w.clients, days: w.days, logs: w.logs, ...before });
    console.error(backend, "wide previous query", w.clients, before);
    plans.push({ backend, clients: w.clients, query: "now", plan: await explainSummary(db, organisationPracticeQuery(w.org, TODAY)) });
    plans.push({
      backend,
      clients: w.clients,
      query: "previous",
      plan: await explainSummary(db, organisationPracticeFromLogsQuery(w.org, TODAY)),
    });
  }
  out.push({ backend, what: UNVACUUMED, clients: largest.clients, days: largest.days, logs: largest.logs, ...unvacuumed });
  plans.push({ backend, clients: largest.clients, query: "unvacuumed", plan: unvacuumedPlan });
  await plansWithDroppedIndex(db, backend, wide[1]!.org);
  await database.close();
  return out;
}

/**
 * The dashboard read at a glance (issue 13): GET /api/clients with the last 8 sessions' pain, four
 * weeks of adherence, holds done, what is new since the coach's last look (set 3 days back) and two
 * messages per client, beside today's query (bench/dashboard-baseline.ts) on the same data.
 */
async function measureGlance(backend: string, config: DatabaseConfig): Promise<Row[]> {
  const database = await openDatabase(config);
  const deps = await prepareDeps(database, manualClock(`${TODAY}T12:00:00Z`));
  const app = createApp(deps);
  const db = database.db;
  const out: Row[] = [];
  const get = async (path: string, cookie: string) => {
    const res = await app.request(`http://127.0.0.1${path}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    await res.text();
  };
  const t0 = performance.now();
  const made = [];
  for (const s of [
    { clients: SMALL, days: DAYS },
    { clients: LARGE, days: DAYS },
    { clients: LARGE, days: HALF },
  ]) {
    const p = await practice(db, s.clients, s.days);
    await sql`update users set clients_seen_at = ${`${TODAY}T09:00:00Z`}::timestamptz - interval '3 days' where organisation_id = ${p.org} and role = 'coach'`.execute(
      db,
    );
    await sql`insert into messages (id, organisation_id, user_id, session_log_id, body, author, created_at)
      select gen_random_uuid(), u.organisation_id, u.id, null, 'How did the calf stretch feel this week?', a.author, ${`${TODAY}T08:00:00Z`}::timestamptz - a.ago
      from users u cross join (values ('coach', interval '5 days'), ('client', interval '1 day')) a(author, ago)
      where u.organisation_id = ${p.org} and u.role = 'client'`.execute(db);
    made.push({ ...s, ...p });
  }
  await sql`analyze`.execute(db);
  console.error(`${backend}: glance data made in ${Math.round((performance.now() - t0) / 1000)} s`);
  for (const m of made) {
    const t = await time(RUNS, () => get(`/api/clients?today=${TODAY}`, m.cookie));
    out.push({ backend, what: GLANCE_GET, clients: m.clients, days: m.days, logs: m.logs, ...t });
    console.error(backend, "glance", m.clients, m.days, t);
    const seenAt = new Date(`${TODAY}T09:00:00Z`);
    const q = await time(RUNS, async () => void (await dashboardRows(db, m.org, TODAY, { seenAt })));
    out.push({ backend, what: GLANCE_SQL, clients: m.clients, days: m.days, logs: m.logs, ...q });
    const before = await time(RUNS, async () => void (await dashboardRowsFromLogs(db, m.org, TODAY, { seenAt })));
    out.push({ backend, what: BEFORE_SQL, clients: m.clients, days: m.days, logs: m.logs, ...before });
    const b = await time(RUNS, async () => void (await todaysDashboardRows(db, m.org, TODAY)));
    out.push({ backend, what: TODAYS_SQL, clients: m.clients, days: m.days, logs: m.logs, ...b });
    console.error(backend, "glance sql", q, "from logs", before, "e197bb9", b);
  }
  await database.close();
  return out;
}

const PLAN_NAMES = {
  now: "now (practice_days: the organisation's range of its (organisation_id, month, user_id) index, two months)",
  unvacuumed: "now, before any vacuum (as after a restore)",
  previous: "today's (session_logs: a range of the (organisation_id, user_id, local_day) index per client)",
} as const;
const GLANCE_GET = "GET /api/clients (the dashboard at a glance: counts, sparklines, weekly adherence, holds, what is new)";
const GLANCE_SQL = "dashboardRows alone (reads the summaries: client_summaries, practice_months; the query and its rows)";
const BEFORE_SQL = "baseline: today's query at 3ad26b1, same answer from session_logs (test/support/dashboard-from-logs.ts), alone";
const TODAYS_SQL = "baseline: the query at e197bb9 alone (no sparkline, weeks, holds or what is new)";

/** Both backends in one run: PGlite in a temporary folder, then a throwaway PostgreSQL 15. */
async function onBothBackends(measureOne: (backend: string, config: DatabaseConfig) => Promise<Row[]>): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = await mkdtemp(join(tmpdir(), "limber-bench-dashboard-"));
  try {
    rows.push(...(await measureOne("PGlite", { kind: "pglite", dataDir: join(dir, "data") })));
    const pg = await startPostgres();
    try {
      rows.push(...(await measureOne("PostgreSQL 15", { kind: "postgres", url: pg.url })));
    } finally {
      await pg.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}

async function glanceSection(): Promise<void> {
  const rows = await onBothBackends(measureGlance);
  const backends = ["PGlite", "PostgreSQL 15"];
  const at = (b: string, what: string, clients: number, days: number) =>
    rows.find((r) => r.backend === b && r.what === what && r.clients === clients && r.days === days)!;
  const reading = backends.map((b) => {
    const full = at(b, GLANCE_GET, LARGE, DAYS);
    const now = at(b, GLANCE_SQL, LARGE, DAYS).p50;
    const before = at(b, BEFORE_SQL, LARGE, DAYS).p50;
    return `${b}: at ${LARGE} clients × ${DAYS} days the dashboard answers with p95 ${full.p95} ms (target < 100 ms: ${full.p95 < 100 ? "met" : "not met"}); its query takes ${now} ms p50 against ${before} ms for the same answer from the logs (${(before / now).toFixed(1)}×) and ${at(b, TODAYS_SQL, LARGE, DAYS).p50} ms for e197bb9's smaller one.`;
  });
  const lines = [
    "## Coach dashboard at a glance, beside today's query (bench/dashboard.ts, issue 13)",
    "",
    ...runHeader(run),
    "In-process requests through the real app (routing, session lookup, SQL, core maths, JSON); 3 warm-up requests, then the timed ones. " +
      "Data made with generate_series: every client on a Mon/Wed/Fri plan, about 80 % of days logged (each log received a minute after it ended), random pain scores, two messages each " +
      "(one unread from the client), and the coach's last look 3 days back; the logs go in with one insert per practice, " +
      "so the summaries' triggers (migration 0013) make client_summaries and practice_months as they would log by log; `ANALYZE` after loading. " +
      "The new answer carries per client the last 8 sessions' pain before and after, four 7-day windows of planned and done, the last session's holds done " +
      "and sessions and notes new since the coach's last look, with the practice's counts on top. Baselines in the same run and database: today's query before the summaries (commit 3ad26b1), " +
      "which works the same answer out from session_logs (test/support/dashboard-from-logs.ts, also the reference the summaries are tested against), " +
      "and the smaller query the dashboard ran at the start of the issue (commit e197bb9, bench/dashboard-baseline.ts).",
    "",
    "| backend | what | clients | days of history | logs in the practice | p50 ms | p95 ms | p99 ms |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.backend} | ${r.what} | ${r.clients} | ${r.days} | ${r.logs} | ${r.p50} | ${r.p95} | ${r.p99} |`),
    "",
    "Growth (ratio of p50s, same run): near the ratio of clients in the first column and near 1 in the second when the cost grows with clients, not history.",
    "",
    `| backend | what | ${SMALL} → ${LARGE} clients (${DAYS} days) | ${HALF} → ${DAYS} days (${LARGE} clients) |`,
    "|---|---|---:|---:|",
    ...backends.flatMap((b) =>
      [GLANCE_GET, GLANCE_SQL, BEFORE_SQL, TODAYS_SQL].map(
        (what) =>
          `| ${b} | ${what} | ${ratio(rows, b, what, { clients: SMALL, days: DAYS }, { clients: LARGE, days: DAYS })} | ${ratio(rows, b, what, { clients: LARGE, days: HALF }, { clients: LARGE, days: DAYS })} |`,
      ),
    ),
    "",
    ...reading.map((r) => `- ${r}`),
  ];
  await writeSection("coach-dashboard-glance", lines);
}

function ratio(
  rows: Row[],
  backend: string,
  what: string,
  a: { clients: number; days: number },
  b: { clients: number; days: number },
): string {
  const x = rows.find((r) => r.backend === backend && r.what === what && r.clients === a.clients && r.days === a.days)!;
  const y = rows.find((r) => r.backend === backend && r.what === what && r.clients === b.clients && r.days === b.days)!;
  return (y.p50 / x.p50).toFixed(2);
}

async function main() {
  if (PART !== "main") await glanceSection();
  if (PART === "glance") return;
  const rows = await onBothBackends(measure);
  const dash = "GET /api/clients (dashboard)";
  const wide = "GET /api/clients/adherence (organisation-wide, 28 days)";
  const at = (b: string, what: string, clients: number, days: number) =>
    rows.find((r) => r.backend === b && r.what === what && r.clients === clients && r.days === days)!;
  const backends = ["PGlite", "PostgreSQL 15"];
  const reading = backends.map((b) => {
    const full = at(b, dash, LARGE, DAYS).p50;
    const sqlPart = at(b, "dashboardRows alone (the SQL and its rows, no HTTP or maths)", LARGE, DAYS).p50;
    const naive = at(b, "baseline: every log into Node, core per client", LARGE, DAYS).p50;
    return `${b}: at ${LARGE} clients × ${DAYS} days the SQL takes ${sqlPart} ms of the dashboard's ${full} ms p50, and the dashboard is ${(naive / full).toFixed(1)}× faster than the baseline.`;
  });
  const lines = [
    "## Coach dashboard and organisation-wide adherence (bench/dashboard.ts)",
    "",
    ...runHeader(run),
    "In-process requests through the real app (routing, session lookup, SQL, core maths, JSON); 3 warm-up requests, then the timed ones. " +
      "Data made with generate_series: every client on a Mon/Wed/Fri plan, about 80 % of days logged, random pain scores, log ids counting up per practice. " +
      "The history up to yesterday goes in with session_logs' secondary indexes dropped and built again from their definitions and the summaries' triggers off, then the summaries are made once for all (as migration 0013 does), then `ANALYZE`; " +
      "then the server's own upkeep round as its daily sweep runs it (src/server/db/upkeep.ts: `VACUUM (ANALYZE)` of every table; a running PGlite server sweeps 10 minutes after start and daily, PostgreSQL's autovacuum does as much), " +
      "then today's logs (~80 % of clients) in one insert per practice through the summaries' triggers, so today's month rows are written again and their pages are not all-visible, as between two sweeps; then a `CHECKPOINT` (the server's own every 5 minutes: src/server/db/checkpoints.ts), no vacuum or analyse. " +
      "One row measures the organisation-wide query before the sweep (as a database is after a restore or a migration until the upkeep's first round). " +
      "Baseline in the same run and database: the same dashboard computed by loading every log of the practice into Node and calling `adherenceOver`/`flagsFor` per client.",
    "",
    "| backend | what | clients | days of history | logs in the practice | p50 ms | p95 ms | p99 ms |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.backend} | ${r.what} | ${r.clients} | ${r.days} | ${r.logs} | ${r.p50} | ${r.p95} | ${r.p99} |`),
    "",
    "Growth (ratio of p50s, same run): a dashboard that grows with the clients and not with the length of their history shows a first column near the ratio of clients and a second near 1.",
    "",
    `| backend | dashboard: ${SMALL} → ${LARGE} clients (${DAYS} days) | dashboard: ${HALF} → ${DAYS} days (${LARGE} clients) | organisation-wide: ${WIDE_SMALL} → ${WIDE_LARGE} clients | its SQL alone | the previous query's SQL (baseline) |`,
    "|---|---:|---:|---:|---:|---:|",
    ...backends.map(
      (b) =>
        `| ${b} | ${ratio(rows, b, dash, { clients: SMALL, days: DAYS }, { clients: LARGE, days: DAYS })} | ${ratio(rows, b, dash, { clients: LARGE, days: HALF }, { clients: LARGE, days: DAYS })} | ${ratio(rows, b, wide, { clients: WIDE_SMALL, days: DAYS }, { clients: WIDE_LARGE, days: DAYS })} | ${ratio(rows, b, "organisationPractice alone (the SQL and its rows)", { clients: WIDE_SMALL, days: DAYS }, { clients: WIDE_LARGE, days: DAYS })} | ${ratio(rows, b, PREVIOUS, { clients: WIDE_SMALL, days: DAYS }, { clients: WIDE_LARGE, days: DAYS })} |`,
    ),
    "",
    ...reading.map((r) => `- ${r}`),
    ...backends.map((b) => {
      const w = at(b, wide, WIDE_LARGE, DAYS);
      return `- ${b}: GET /api/clients/adherence at ${WIDE_LARGE} clients: p95 ${w.p95} ms (target < 200 ms: ${w.p95 < 200 ? "met" : "not met"}).`;
    }),
    "",
    "What EXPLAIN (ANALYZE, BUFFERS) said about the organisation-wide SQL, same data (the scans of session_logs, sorts, the top node's buffers, time):",
    "",
    "| backend | clients | query | plan |",
    "|---|---:|---|---|",
    ...plans.map((p) => `| ${p.backend} | ${p.clients} | ${PLAN_NAMES[p.query]} | ${p.plan.replace(/\|/g, "/")} |`),
    "",
    `The index on (organisation_id, local_day, user_id) that migration 0013 drops, put back on the ${WIDE_LARGE}-client data: the indexes EXPLAIN shows each reader of logs by day choosing (${droppedIndex.some((d) => d.indexes.includes("session_logs_org_day_user")) ? "one of them still chooses it" : "none chooses it"}):`,
    "",
    "| backend | query | indexes in its plan |",
    "|---|---|---|",
    ...droppedIndex.map((d) => `| ${d.backend} | ${d.query} | ${d.indexes} |`),
  ];
  await writeSection("coach-dashboard", lines);
}

await main();
