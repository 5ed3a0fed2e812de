import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/server/db/database.ts";
import { restoreBackup, writeBackup } from "../../src/server/db/backup.ts";
import { ApiClient, sessionLog } from "../support/api-client.ts";
import { BACKENDS, TestBackend } from "../support/backends.ts";
import { openTestApp, type TestApp } from "../support/test-app.ts";

const plan = {
  programId: "foot-stretches-for-lower-back-pain",
  programVersion: 1,
  schedule: { kind: "weekdays", days: ["mon"], startDate: "2026-11-02" },
  holdOverrides: { "wall-calf-stretch": { calf: 40 } },
};

describe.each(BACKENDS)("coaching data kept and removed on %s", (name) => {
  const backend = new TestBackend(name);
  let t: TestApp;
  let coach: ApiClient;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "limber-coaching-data-"));
    t = await openTestApp(backend);
    coach = t.client();
    await coach.signUp({ displayName: "Casey", role: "coach" });
  });
  afterAll(async () => {
    await t?.database.close();
    await backend.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function joinedClient(): Promise<{ client: ApiClient; id: string }> {
    const client = t.client();
    const { account } = await client.signUp({ displayName: "Dana" });
    await client.post("/api/invites/accept", { code: (await coach.post("/api/invites", {})).body.code });
    await coach.put(`/api/clients/${account.id}/prescription`, plan);
    await client.post("/api/logs", sessionLog());
    await client.post("/api/messages", { body: "hello coach" });
    await client.post("/api/calendar-feed");
    return { client, id: account.id };
  }

  it("carries invites, plans, feeds and notes through a backup and restore", async () => {
    const { id } = await joinedClient();
    const file = join(dir, "backup.jsonl");
    const written = await writeBackup(t.database.db, file, t.clock.now());
    expect(written).toMatchObject({
      invites: expect.any(Number),
      prescriptions: expect.any(Number),
      calendar_feeds: expect.any(Number),
      messages: expect.any(Number),
    });
    const copy = await openDatabase(await backend.emptyDatabase());
    try {
      await restoreBackup(copy.db, file, { force: true });
      const rx = await copy.db
        .selectFrom("prescriptions")
        .select(["schedule", "hold_overrides"])
        .where("user_id", "=", id)
        .executeTakeFirstOrThrow();
      expect(rx.hold_overrides).toEqual(plan.holdOverrides);
      expect((rx.schedule as { days: string[] }).days).toEqual(["mon"]);
      expect(await copy.db.selectFrom("messages").select("body").where("user_id", "=", id).execute()).toEqual([{ body: "hello coach" }]);
      expect(await copy.db.selectFrom("calendar_feeds").select("user_id").where("user_id", "=", id).execute()).toHaveLength(1);
    } finally {
      await copy.close();
    }
  });

  it("removes a client's plan, feed and notes with their account, and the coach no longer sees them", async () => {
    const { client, id } = await joinedClient();
    expect((await client.delete("/api/account", { password: "correct horse battery" })).status).toBe(204);
    for (const table of ["prescriptions", "calendar_feeds", "messages"] as const) {
      expect(await t.database.db.selectFrom(table).select("user_id").where("user_id", "=", id).execute(), table).toEqual([]);
    }
    expect((await coach.get(`/api/clients/${id}`)).status).toBe(404);
    expect((await coach.get("/api/clients")).body.clients.map((c: { id: string }) => c.id)).not.toContain(id);
  });
});
