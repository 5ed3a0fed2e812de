import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/api-client.ts";
import { BACKENDS, TestBackend } from "../support/backends.ts";
import { openTestApp, type TestApp } from "../support/test-app.ts";

/** The dates of every event in a feed, read by a real iCalendar parser. */
function eventDates(text: string): string[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar
    .getAllSubcomponents("vevent")
    .map((v) => new ICAL.Event(v))
    .map((e) => e.startDate.toString());
}

describe.each(BACKENDS)("the calendar feed on %s", (name) => {
  const backend = new TestBackend(name);
  let t: TestApp;
  let client: ApiClient;

  beforeAll(async () => {
    t = await openTestApp(backend);
    client = t.client();
    await client.signUp({ displayName: "Gus" });
    await client.put("/api/prescription", {
      programId: "foot-stretches-for-lower-back-pain",
      programVersion: 1,
      schedule: { kind: "weekdays", days: ["tue", "thu"], startDate: "2026-11-24", endDate: "2026-12-10" },
    });
  });
  afterAll(async () => {
    await t?.database.close();
    await backend.stop();
  });

  it("lists the planned days as all-day events a calendar parser reads, with text/calendar", async () => {
    const path = (await client.post("/api/calendar-feed")).body.path as string;
    const stranger = t.client();
    const feed = await stranger.get(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(eventDates(feed.text)).toEqual(["2026-11-24", "2026-11-26", "2026-12-01", "2026-12-03", "2026-12-08", "2026-12-10"]);
    const first = new ICAL.Event(new ICAL.Component(ICAL.parse(feed.text)).getFirstSubcomponent("vevent")!);
    expect(first.summary).toBe("Stretching: Foot stretches for lower back pain");
    expect(first.startDate.isDate).toBe(true);
  });

  it("stops answering the old address once the feed is replaced, and every address once it is turned off", async () => {
    const old = (await client.post("/api/calendar-feed")).body.path as string;
    const fresh = (await client.post("/api/calendar-feed")).body.path as string;
    expect((await t.client().get(old)).status).toBe(404);
    expect((await t.client().get(fresh)).status).toBe(200);
    expect((await client.delete("/api/calendar-feed")).status).toBe(204);
    expect((await t.client().get(fresh)).status).toBe(404);
    expect((await client.get("/api/calendar-feed")).body).toEqual({ active: false });
  });

  it("keeps only a hash of the token in the database", async () => {
    const path = (await client.post("/api/calendar-feed")).body.path as string;
    const token = path.split("/").pop()!.replace(".ics", "");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await t.database.db.selectFrom("calendar_feeds").select("token_hash").execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
  });

  it("answers 400 for an address that is not a feed token, and an empty calendar without a plan", async () => {
    expect((await t.client().get("/api/calendar/not-a-token.ics")).status).toBe(400);
    const planless = t.client();
    await planless.signUp();
    const path = (await planless.post("/api/calendar-feed")).body.path as string;
    const feed = await planless.get(path);
    expect(eventDates(feed.text)).toEqual([]);
  });
});
