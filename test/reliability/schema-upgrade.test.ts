import { PGlite } from "@electric-sql/pglite";
import { Kysely, Migrator, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.ts";
import { AttemptLimits } from "../../src/server/auth/rate-limit.ts";
import { manualClock } from "../../src/server/clock.ts";
import { openDatabase, type DatabaseConfig } from "../../src/server/db/database.ts";
import { migrationProvider, migrations } from "../../src/server/db/migrations/index.ts";
import { PgliteDialect } from "../../src/server/db/pglite-dialect.ts";
import type { Tables } from "../../src/server/db/tables.ts";
import { prepareDeps } from "../../src/server/serving.ts";
import { builtInPrograms } from "../../content/index.ts";
import { hashPassword } from "../../src/server/auth/password.ts";
import { SESSION_LIFETIME_MS, SESSION_COOKIE } from "../../src/server/auth/session-cookie.ts";
import { newToken, tokenHash } from "../../src/server/auth/tokens.ts";
import { createAccount } from "../../src/server/store/accounts.ts";
import { insertAuthSession } from "../../src/server/store/auth-sessions.ts";
import { seedPrograms } from "../../src/server/store/programs.ts";
import { advanceProgress, initialProgress } from "../../src/core/progress.ts";
import { ApiClient, inProcess, sessionLog } from "../support/api-client.ts";
import { BACKENDS, TestBackend } from "../support/backends.ts";

const PROGRAM = "foot-stretches-for-lower-back-pain";
const VERSIONS = Object.keys(migrations);
const EARLIER = VERSIONS.slice(0, -1);

/**
 * An account made in an older database and signed in on `client`, through the store: today's sign-up
 * route also queues a mail, into a table older schemas lack.
 */
async function signedUpOn(
  db: Kysely<Tables>,
  client: ApiClient,
  now: Date,
  input: { email: string; password: string; displayName: string; role: "client" | "coach" },
) {
  const user = (await createAccount(
    db,
    { email: input.email, displayName: input.displayName, role: input.role, passwordHash: await hashPassword(input.password) },
    now,
  ))!;
  const token = newToken();
  const csrfToken = newToken();
  await insertAuthSession(
    db,
    {
      tokenHash: tokenHash(token),
      userId: user.id,
      organisationId: user.organisation_id,
      csrfToken,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
    },
    now,
  );
  client.cookie = `${SESSION_COOKIE}=${token}`;
  client.csrfToken = csrfToken;
  return { email: input.email, account: { id: user.id, organisationId: user.organisation_id } };
}

/**
 * Session logs as a release before 0012a wrote them (no `practised`, and before 0005 no `holds_planned`), with
 * the progress they moved: today's log route writes columns such a schema lacks.
 */
async function logsAsAnEarlierRelease(
  db: Kysely<Tables>,
  user: { id: string; organisationId: string },
  logs: ReturnType<typeof sessionLog>[],
  now: Date,
) {
  const program = builtInPrograms.find((p) => p.id === PROGRAM)!;
  let progress = initialProgress(program);
  for (const log of logs) {
    await sql`insert into session_logs (id, user_id, organisation_id, program_id, program_version, started_at, ended_at, local_day,
        completed, steps_done, steps_total, holds, pain_before, pain_after, notes, received_at)
      values (${log.id}, ${user.id}, ${user.organisationId}, ${log.programId}, ${log.programVersion}, ${log.startedAt}, ${log.endedAt},
        ${log.startedAt.slice(0, 10)}, ${log.completed}, ${log.stepsDone}, ${log.stepsTotal}, ${JSON.stringify(log.holds)}::jsonb,
        ${log.painBefore}, ${log.painAfter}, ${log.notes}, ${now})`.execute(db);
    progress = advanceProgress(program, progress, log);
  }
  await sql`insert into progress (user_id, program_id, organisation_id, state, updated_at)
    values (${user.id}, ${PROGRAM}, ${user.organisationId}, ${JSON.stringify(progress)}::jsonb, ${now})`.execute(db);
}

/** A database migrated only up to `version`, as a server of that release left it. */
async function openAt(config: DatabaseConfig, version: string): Promise<Kysely<Tables>> {
  const db =
    config.kind === "pglite"
      ? new Kysely<Tables>({ dialect: new PgliteDialect(await PGlite.create({ dataDir: config.dataDir })) })
      : new Kysely<Tables>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: config.url, max: 2 }) }) });
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(version);
  if (error) throw error;
  return db;
}

describe.each(BACKENDS)("upgrading an older schema on %s", (name) => {
  const backend = new TestBackend(name);
  afterAll(() => backend.stop());

  // Every version but the latest gets its own case, so a new migration is tested from the one before it too.
  it.each(EARLIER)(
    "brings a database made at %s, with people's data in it, to the latest version with every record kept",
    async (version) => {
      const config = await backend.emptyDatabase();
      const clock = manualClock("2026-11-20T09:00:00Z");

      // Data written by the app while the schema is at the old version: accounts, logs, progress, settings.
      const old = await openAt(config, version);
      // Today's rate limits and mail keep their state in tables older schemas lack; they use a current database beside it.
      const limitsDatabase = await openDatabase(await backend.emptyDatabase());
      const currentDeps = await prepareDeps(limitsDatabase, clock);
      await seedPrograms(old, builtInPrograms, clock.now());
      const oldApp = createApp({ ...currentDeps, db: old, limits: new AttemptLimits(limitsDatabase.db, clock) });
      const person = new ApiClient(inProcess(oldApp));
      const email = "older-release@example.org";
      const { account } = await signedUpOn(old, person, clock.now(), {
        email,
        password: "an old long password",
        displayName: "Older Release",
        role: "client",
      });
      const logs = [sessionLog({ notes: "from the old release" }), sessionLog({ painBefore: 7, painAfter: 3 })];
      if (VERSIONS.indexOf(version) < VERSIONS.indexOf("0012a-practised-sessions"))
        await logsAsAnEarlierRelease(old, account, logs, clock.now());
      else for (const log of logs) expect((await person.post("/api/logs", log)).status).toBe(201);
      expect(
        (await person.put(`/api/progress/${PROGRAM}/hold`, { exerciseId: "wall-calf-stretch", phaseId: "calf", seconds: 45 })).status,
      ).toBe(200);
      // Before 0012b a plan was a number alone (today's route also keeps the day it was chosen).
      if (VERSIONS.indexOf(version) < VERSIONS.indexOf("0012b-chosen-plan")) {
        await sql`update users set plan_days_per_week = 5 where id = ${account.id}`.execute(old);
      } else expect((await person.put("/api/settings", { planDaysPerWeek: 5 })).status).toBe(200);
      const coach = new ApiClient(inProcess(oldApp));
      await signedUpOn(old, coach, clock.now(), {
        email: "old-coach@example.org",
        password: "a coach's long password",
        displayName: "Old Coach",
        role: "coach",
      });
      const before = {
        users: await old.selectFrom("users").selectAll().orderBy("id").execute(),
        logs: await old.selectFrom("session_logs").selectAll().orderBy("id").execute(),
        progress: await old.selectFrom("progress").selectAll().orderBy("user_id").execute(),
      };
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(old);
      expect(applied.rows.map((r) => r.name)).toEqual(VERSIONS.slice(0, VERSIONS.indexOf(version) + 1));
      await old.destroy();
      await limitsDatabase.close();

      // The current release opens it: migrations run at start-up.
      const upgraded = await openDatabase(config);
      try {
        const now = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(upgraded.db);
        expect(now.rows.map((r) => r.name)).toEqual(VERSIONS);
        // Every user is kept; a plan of 3 days (every account's old default) is asked for again, any other was chosen.
        const chosen = (u: (typeof before.users)[number]) =>
          Number(u.plan_days_per_week) === 3 ? { plan_days_per_week: null } : { plan_days_per_week: u.plan_days_per_week };
        expect(await upgraded.db.selectFrom("users").selectAll().orderBy("id").execute()).toEqual(
          before.users.map((u) => expect.objectContaining({ ...u, ...chosen(u) })),
        );
        expect(await upgraded.db.selectFrom("session_logs").selectAll().orderBy("id").execute()).toEqual(
          before.logs.map((l) => expect.objectContaining(l)),
        );
        // Each older log was worked out as a practised day (each held its one hold).
        expect((await upgraded.db.selectFrom("session_logs").select("practised").execute()).map((l) => l.practised)).toEqual([true, true]);
        expect(await upgraded.db.selectFrom("progress").selectAll().orderBy("user_id").execute()).toEqual(
          before.progress.map((p) => expect.objectContaining(p)),
        );

        // And the person carries on: the old password, session, logs, progress and settings all work.
        const app = createApp(await prepareDeps(upgraded, clock));
        const same = new ApiClient(inProcess(app));
        same.cookie = person.cookie;
        same.csrfToken = person.csrfToken;
        expect((await same.get("/api/auth/me")).body.account.id).toBe(account.id);
        const again = new ApiClient(inProcess(app));
        expect((await again.post("/api/auth/sign-in", { email, password: "an old long password" })).status).toBe(200);
        expect((await again.get("/api/logs")).body.logs.map((l: { id: string; notes: string }) => l.id).sort()).toEqual(
          logs.map((l) => l.id).sort(),
        );
        expect((await again.get(`/api/logs/${logs[0]!.id}`)).body.notes).toBe("from the old release");
        const progress = (await again.get(`/api/progress/${PROGRAM}`)).body;
        expect(progress.sessionsProgressed).toBe(2);
        expect(progress.exercises["wall-calf-stretch"].holds.calf).toBe(45);
        expect((await again.get("/api/settings")).body.planDaysPerWeek).toBe(5);
        expect((await again.post("/api/logs", sessionLog())).status).toBe(201);
      } finally {
        await upgraded.close();
      }
    },
    60_000,
  );
});
