import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { practisedOn } from "../../src/server/store/reminders.ts";
import { ApiClient, sessionLog } from "../support/api-client.ts";
import { BACKENDS, TestBackend } from "../support/backends.ts";
import { openTestApp, type TestApp } from "../support/test-app.ts";

const hold = (skipped: boolean) => ({ exerciseId: "x", phaseId: "y", side: "left", rep: 1, plannedSeconds: 20, heldSeconds: 18, skipped });
const on = (day: string) => ({ startedAt: `${day}T08:00:00+01:00`, endedAt: `${day}T08:05:00+01:00` });

describe.each(BACKENDS)("practised days on the server, on %s", (name) => {
  const backend = new TestBackend(name);
  let t: TestApp;
  let person: ApiClient;
  let userId: string;
  beforeAll(async () => {
    t = await openTestApp(backend);
    person = t.client();
    userId = (await person.signUp()).account.id;
    // Ended early after one hold held; ended before any hold; every hold skipped.
    await person.post(
      "/api/logs",
      sessionLog({ ...on("2026-11-20"), completed: false, holds: [hold(false), hold(true)], holdsPlanned: 25 }),
    );
    await person.post("/api/logs", sessionLog({ ...on("2026-11-21"), completed: false, holds: [], holdsPlanned: 25, painAfter: null }));
    await person.post("/api/logs", sessionLog({ ...on("2026-11-22"), holds: [hold(true), hold(true)] }));
  });
  afterAll(async () => {
    await t?.database.close();
    await backend.stop();
  });

  it("keeps beside each log whether it held a hold", async () => {
    const rows = await t.database.db.selectFrom("session_logs").select(["local_day", "practised"]).orderBy("local_day").execute();
    expect(rows).toEqual([
      { local_day: "2026-11-20", practised: true },
      { local_day: "2026-11-21", practised: false },
      { local_day: "2026-11-22", practised: false },
    ]);
  });

  it("sends no reminder on a day practised by a session ended early, and one on a day whose session held nothing", async () => {
    expect(await practisedOn(t.database.db, userId, "2026-11-20")).toBe(true);
    expect(await practisedOn(t.database.db, userId, "2026-11-21")).toBe(false);
    expect(await practisedOn(t.database.db, userId, "2026-11-22")).toBe(false);
  });

  it("counts the same days in the account's history", async () => {
    const r = await person.get("/api/history?today=2026-11-25");
    expect(r.body.sessions).toBe(3);
    expect(r.body.days).toEqual(["2026-11-20"]);
  });
});
