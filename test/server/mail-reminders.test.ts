import { beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../src/server/clock.ts";
import { ApiClient, overHttp, sessionLog } from "../support/api-client.ts";
import { PUBLIC_URL as PUBLIC, useMailServer } from "../support/mail-server.ts";

describe("reminders on planned days, by an injected clock over a real SMTP server", () => {
  let person: ApiClient;
  let email: string;
  // Sunday 6 December 2026; Berlin is UTC+1 in December. Three sessions a week plan Monday, Wednesday and Friday.
  const clock = manualClock("2026-12-06T12:00:00Z");
  const limber = useMailServer("reminders", clock);
  /** The same signed-in person, at the address of the server now running. */
  const reconnect = () => {
    person = new ApiClient(overHttp, limber.server.url);
    person.cookie = cookie;
    person.csrfToken = csrf;
  };
  const restart = async () => {
    await limber.restart();
    reconnect();
  };
  let cookie: string | null;
  let csrf: string | null;
  const reminders = () => limber.sink.received.filter((m) => m.subject === "Your Limber reminder");

  beforeAll(async () => {
    person = new ApiClient(overHttp, limber.server.url);
    ({ email } = await person.signUp({ displayName: "Walter" }));
    cookie = person.cookie;
    csrf = person.csrfToken;
    await limber.checkEmail(email);
    expect((await person.put("/api/settings", { planDaysPerWeek: 3 })).status).toBe(200);
    const saved = await person.put("/api/mail", { reminderTime: "08:30", timeZone: "Europe/Berlin", weeklySummary: false });
    expect(saved.body).toEqual({ email, emailChecked: true, reminderTime: "08:30", timeZone: "Europe/Berlin", weeklySummary: false });
  }, 60_000);

  it("sends one reminder at the person's time on a planned day, and none again that day, also after a restart", async () => {
    clock.set("2026-12-07T07:29:00Z");
    await limber.minute();
    expect(reminders()).toHaveLength(0);
    clock.set("2026-12-07T07:30:00Z");
    await limber.minute();
    await limber.minute();
    expect(reminders().map((m) => m.to)).toEqual([email]);
    await restart();
    clock.set("2026-12-07T19:00:00Z");
    await limber.minute();
    expect(reminders()).toHaveLength(1);
  }, 60_000);

  it("says nothing about health, links to the app, and carries a signed one-click unsubscribe", () => {
    const [mail] = reminders();
    expect(mail!.text).toContain("Today is one of your planned days for stretching.");
    expect(mail!.text).not.toMatch(/pain|note/i);
    expect(mail!.html).toContain(`<a href="${PUBLIC}/#/"`);
    expect(mail!.header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(mail!.header("List-Unsubscribe")).toMatch(new RegExp(`^<${PUBLIC}/mail/unsubscribe/r\\.[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}>$`));
  });

  it("sends nothing on a day that is not planned", async () => {
    clock.set("2026-12-08T09:00:00Z");
    await limber.minute();
    expect(reminders()).toHaveLength(1);
  });

  it("keeps a reminder through an SMTP outage and a restart, and sends it once when mail works again", async () => {
    await limber.sink.stop();
    clock.set("2026-12-09T07:45:00Z");
    await limber.minute();
    expect(reminders()).toHaveLength(1);
    await limber.restart(async () => {
      await limber.sink.start();
      clock.set("2026-12-09T07:46:00Z");
    });
    reconnect();
    await limber.minute();
    await limber.minute();
    expect(reminders()).toHaveLength(2);
  }, 60_000);

  it("sends none on a planned day already practised, and none again when the clock is set back", async () => {
    expect(
      (await person.post("/api/logs", sessionLog({ startedAt: "2026-12-11T07:00:00+01:00", endedAt: "2026-12-11T07:10:00+01:00" }))).status,
    ).toBe(201);
    clock.set("2026-12-11T07:30:00Z");
    await limber.minute();
    expect(reminders()).toHaveLength(2);
    const days = await limber.server.database.db
      .selectFrom("reminder_days")
      .select(["local_day", "outcome"])
      .orderBy("local_day")
      .execute();
    expect(days).toEqual([
      { local_day: "2026-12-07", outcome: "send" },
      { local_day: "2026-12-09", outcome: "send" },
      { local_day: "2026-12-11", outcome: "practised" },
    ]);
    clock.set("2026-12-09T08:00:00Z");
    await limber.minute();
    expect(reminders()).toHaveLength(2);
  });

  it("sends none after the one-click unsubscribe from a mail program", async () => {
    const path = new RegExp(`${PUBLIC}(/mail/unsubscribe/[^>]+)`).exec(reminders()[0]!.header("List-Unsubscribe")!)![1]!;
    const answer = await fetch(`${limber.server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe("Done: Limber sends you no more reminders.");
    clock.set("2026-12-14T07:30:00Z");
    await limber.minute();
    expect(reminders()).toHaveLength(2);
    expect((await person.get("/api/mail")).body.reminderTime).toBe(null);
  });

  it("refuses an unsubscribe token that was not signed by this server", async () => {
    const forged = await fetch(
      `${limber.server.url}/mail/unsubscribe/r.00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
      { method: "POST" },
    );
    expect(forged.status).toBe(404);
    expect(
      (await new ApiClient(overHttp, limber.server.url).post("/api/mail/unsubscribe", { token: "r.x.yyyyyyyyyyyyyyyyyyyyyyyy" })).status,
    ).toBe(404);
  });
});
