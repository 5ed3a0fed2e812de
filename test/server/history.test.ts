import { describe, expect, it } from "vitest";
import { sessionLog } from "../support/api-client.ts";
import { useTestApp } from "../support/backend-suite.ts";
import { BACKENDS } from "../support/backends.ts";

const on = (day: string, painBefore: number | null, painAfter: number | null, completed = true) =>
  sessionLog({ startedAt: `${day}T18:00:00+01:00`, endedAt: `${day}T18:15:00+01:00`, painBefore, painAfter, completed });

describe.each(BACKENDS)("history and settings on %s", (name) => {
  const suite = useTestApp(name);

  it("answers the calendar, streak, adherence, pain series and a plain summary from the user's logs", async () => {
    const c = suite.t.client();
    await c.signUp();
    const days: [string, number, number][] = [
      ["2026-10-29", 7, 6],
      ["2026-10-31", 7, 6],
      ["2026-11-10", 5, 4],
      ["2026-11-23", 4, 3],
      ["2026-11-24", 4, 3],
      ["2026-11-25", 4, 3],
    ];
    for (const [d, b, a] of days) await c.post("/api/logs", on(d, b, a));
    await c.post("/api/logs", on("2026-11-25", null, null, false));
    const res = await c.get("/api/history?today=2026-11-26&weeks=5");
    expect(res.status).toBe(200);
    expect(res.body.days).toEqual(days.map(([d]) => d));
    expect(res.body.sessions).toBe(7);
    expect(res.body.streak).toBe(3);
    // No plan chosen: none is assumed, so there is nothing to measure against.
    expect(res.body.planDaysPerWeek).toBeNull();
    expect(res.body.adherence).toBeNull();
    expect(res.body.pain).toHaveLength(6);
    expect(res.body.pain[0]).toEqual({ day: "2026-10-29", before: 7, after: 6 });
    expect(res.body.summary).toBe("Pain after sessions fell from 6 to 3 over four weeks.");
  });

  it("measures adherence against the user's own plan of days a week", async () => {
    const c = suite.t.client();
    await c.signUp();
    expect((await c.get("/api/settings")).body).toEqual({ planDaysPerWeek: null, planSince: null });
    expect((await c.put("/api/settings", { planDaysPerWeek: 2, since: "2026-11-16" })).body).toEqual({
      planDaysPerWeek: 2,
      planSince: "2026-11-16",
    });
    await c.post("/api/logs", on("2026-11-16", 3, 2));
    await c.post("/api/logs", on("2026-11-18", 3, 2));
    const res = await c.get("/api/history?today=2026-11-22&weeks=1");
    expect(res.body.adherence).toEqual({ weeks: [{ weekStart: "2026-11-16", practised: 2, planned: 2 }], rate: 1 });
    // A change of plan keeps the day the plan began.
    expect((await c.put("/api/settings", { planDaysPerWeek: 3, since: "2026-11-20" })).body).toEqual({
      planDaysPerWeek: 3,
      planSince: "2026-11-16",
    });
  });

  it("measures a plan chosen mid-week from its first day, not the whole week", async () => {
    const c = suite.t.client();
    await c.signUp();
    await c.put("/api/settings", { planDaysPerWeek: 3, since: "2026-11-20" });
    await c.post("/api/logs", on("2026-11-21", 3, 2));
    const res = await c.get("/api/history?today=2026-11-22&weeks=1");
    expect(res.body.adherenceSince).toBe("2026-11-20");
    expect(res.body.adherence).toEqual({ weeks: [{ weekStart: "2026-11-16", practised: 1, planned: 3 }], rate: 1 / 3 });
  });

  it("uses the server's day by the injected clock when the client does not say", async () => {
    const c = suite.t.client();
    await c.signUp();
    const res = await c.get("/api/history");
    expect(res.body.today).toBe("2026-11-25");
    expect(res.body.days).toEqual([]);
    expect(res.body.summary).toMatch(/^Not enough pain scores yet/);
  });

  it("answers 400 for a plan outside 1 to 7 days and a malformed day", async () => {
    const c = suite.t.client();
    await c.signUp();
    const plan = await c.put("/api/settings", { planDaysPerWeek: 8 });
    expect(plan.status).toBe(400);
    expect(plan.body.problems[0].path).toBe("planDaysPerWeek");
    expect((await c.get("/api/settings")).body.planDaysPerWeek).toBeNull();
    const day = await c.get("/api/history?today=26/11/2026");
    expect(day.status).toBe(400);
    expect(day.body.problems[0]).toMatchObject({ path: "today", message: "expected a date written YYYY-MM-DD" });
  });

  it("answers 400, not a server error, for a day written right that does not exist", async () => {
    const c = suite.t.client();
    await c.signUp();
    for (const bad of ["9999-99-99", "2026-02-30"]) {
      const history = await c.get(`/api/history?today=${bad}`);
      expect(history.status).toBe(400);
      expect(history.body.problems[0]).toMatchObject({ path: "today", message: "expected a date written YYYY-MM-DD" });
      expect((await c.get(`/api/logs?from=${bad}`)).status).toBe(400);
    }
  });
});
