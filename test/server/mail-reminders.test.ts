import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../src/server/clock.ts";
import { startServer, type RunningServer } from "../../src/server/server.ts";
import { ApiClient, overHttp, sessionLog } from "../support/api-client.ts";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink.ts";

const PUBLIC = "https://limber.example.org";

describe("reminders on planned days, by an injected clock over a real SMTP server", () => {
  let dir: string;
  let sink: SmtpSink;
  let server: RunningServer;
  let person: ApiClient;
  let email: string;
  // Sunday 6 December 2026; Berlin is UTC+1 in December. Three sessions a week plan Monday, Wednesday and Friday.
  const clock = manualClock("2026-12-06T12:00:00Z");
  const start = () =>
    startServer({
      database: { kind: "pglite", dataDir: join(dir, "data") },
      host: "127.0.0.1",
      port: 0,
      clock,
      mailEnv: { SMTP_URL: sink.url, PUBLIC_URL: PUBLIC },
      log: () => undefined,
    });
  /** The same signed-in person, at the address of the server now running. */
  const reconnect = () => {
    person = new ApiClient(overHttp, server.url);
    person.cookie = cookie;
    person.csrfToken = csrf;
  };
  const restart = async () => {
    await server.close();
    server = await start();
    reconnect();
  };
  let cookie: string | null;
  let csrf: string | null;
  /** What the server does every minute, run now: decide due reminders, then send what is queued. */
  const minute = async () => {
    await server.reminders.runDue();
    await server.mail.drain();
  };
  const reminders = () => sink.received.filter((m) => m.subject === "Your Limber reminder");

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "limber-reminders-"));
    sink = await startSmtpSink();
    server = await start();
    person = new ApiClient(overHttp, server.url);
    ({ email } = await person.signUp({ displayName: "Walter" }));
    cookie = person.cookie;
    csrf = person.csrfToken;
    await server.mail.drain();
    const check = sink.received.find((m) => m.subject === "Check your email for Limber")!;
    const token = new RegExp(`${PUBLIC}/#/check-email/([A-Za-z0-9_-]{43})`).exec(check.text)![1];
    expect((await new ApiClient(overHttp, server.url).post("/api/mail/email-check/use", { token })).body).toEqual({ email });
    expect((await person.put("/api/settings", { planDaysPerWeek: 3 })).status).toBe(200);
    const saved = await person.put("/api/mail", { reminderTime: "08:30", timeZone: "Europe/Berlin", weeklySummary: false });
    expect(saved.body).toEqual({ email, emailChecked: true, reminderTime: "08:30", timeZone: "Europe/Berlin", weeklySummary: false });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await sink?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("sends one reminder at the person's time on a planned day, and none again that day, also after a restart", async () => {
    clock.set("2026-12-07T07:29:00Z");
    await minute();
    expect(reminders()).toHaveLength(0);
    clock.set("2026-12-07T07:30:00Z");
    await minute();
    await minute();
    expect(reminders().map((m) => m.to)).toEqual([email]);
    await restart();
    clock.set("2026-12-07T19:00:00Z");
    await minute();
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
    await minute();
    expect(reminders()).toHaveLength(1);
  });

  it("keeps a reminder through an SMTP outage and a restart, and sends it once when mail works again", async () => {
    await sink.stop();
    clock.set("2026-12-09T07:45:00Z");
    await minute();
    expect(reminders()).toHaveLength(1);
    await server.close();
    await sink.start();
    clock.set("2026-12-09T07:46:00Z");
    server = await start();
    reconnect();
    await minute();
    await minute();
    expect(reminders()).toHaveLength(2);
  }, 60_000);

  it("sends none on a planned day already practised, and none again when the clock is set back", async () => {
    expect(
      (await person.post("/api/logs", sessionLog({ startedAt: "2026-12-11T07:00:00+01:00", endedAt: "2026-12-11T07:10:00+01:00" }))).status,
    ).toBe(201);
    clock.set("2026-12-11T07:30:00Z");
    await minute();
    expect(reminders()).toHaveLength(2);
    const days = await server.database.db.selectFrom("reminder_days").select(["local_day", "outcome"]).orderBy("local_day").execute();
    expect(days).toEqual([
      { local_day: "2026-12-07", outcome: "send" },
      { local_day: "2026-12-09", outcome: "send" },
      { local_day: "2026-12-11", outcome: "practised" },
    ]);
    clock.set("2026-12-09T08:00:00Z");
    await minute();
    expect(reminders()).toHaveLength(2);
  });

  it("sends none after the one-click unsubscribe from a mail program", async () => {
    const path = new RegExp(`${PUBLIC}(/mail/unsubscribe/[^>]+)`).exec(reminders()[0]!.header("List-Unsubscribe")!)![1]!;
    const answer = await fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe("Done: Limber sends you no more reminders.");
    clock.set("2026-12-14T07:30:00Z");
    await minute();
    expect(reminders()).toHaveLength(2);
    expect((await person.get("/api/mail")).body.reminderTime).toBe(null);
  });

  it("refuses an unsubscribe token that was not signed by this server", async () => {
    const forged = await fetch(
      `${server.url}/mail/unsubscribe/r.00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
      { method: "POST" },
    );
    expect(forged.status).toBe(404);
    expect(
      (await new ApiClient(overHttp, server.url).post("/api/mail/unsubscribe", { token: "r.x.yyyyyyyyyyyyyyyyyyyyyyyy" })).status,
    ).toBe(404);
  });
});
