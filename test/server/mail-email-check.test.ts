import { describe, expect, it } from "vitest";
import { manualClock } from "../../src/server/clock.ts";
import { ApiClient, overHttp } from "../support/api-client.ts";
import { PUBLIC_URL as PUBLIC, useMailServer } from "../support/mail-server.ts";

const CHECK_SUBJECT = "Check your email for Limber";

describe("the email check on sign-up, over a real SMTP server", () => {
  const clock = manualClock("2026-12-07T06:00:00Z");
  const limber = useMailServer("check", clock);
  const client = () => new ApiClient(overHttp, limber.server.url);
  const checkLinks = (email: string) =>
    limber.sink.received
      .filter((m) => m.to === email && m.subject === CHECK_SUBJECT)
      .map((m) => new RegExp(`${PUBLIC}/#/check-email/([A-Za-z0-9_-]{43})`).exec(m.text)![1]!);

  it("lets a new account work at once, mails it a link, and the link checks the address once", async () => {
    const person = client();
    const { email } = await person.signUp({ displayName: "Hanna" });
    expect((await person.get("/api/mail")).body).toEqual({
      email,
      emailChecked: false,
      reminderTime: null,
      timeZone: "UTC",
      weeklySummary: false,
    });
    await limber.server.mail.drain();
    const [token] = checkLinks(email);
    const mail = limber.sink.received.find((m) => m.subject === CHECK_SUBJECT && m.to === email)!;
    expect(mail.text).toContain("Hello Hanna,");
    expect(mail.html).toContain(`href="${PUBLIC}/#/check-email/${token}"`);

    expect((await client().post("/api/mail/email-check/use", { token })).body).toEqual({ email });
    expect((await client().post("/api/mail/email-check/use", { token })).status).toBe(410);
    expect((await person.get("/api/mail")).body.emailChecked).toBe(true);
    expect((await person.post("/api/mail/email-check")).status).toBe(409);
    expect((await client().post("/api/mail/email-check/use", { token: "A".repeat(43) })).status).toBe(404);
  });

  it("sends the link again when asked, up to 3 mails an hour", async () => {
    const person = client();
    const { email } = await person.signUp();
    expect((await person.post("/api/mail/email-check")).status).toBe(202);
    expect((await person.post("/api/mail/email-check")).status).toBe(202);
    const refused = await person.post("/api/mail/email-check");
    expect(refused.status).toBe(429);
    await limber.server.mail.drain();
    expect(checkLinks(email)).toHaveLength(3);
  });

  it("sends no reminder to an address that is not checked", async () => {
    const person = client();
    const { email } = await person.signUp();
    await person.put("/api/settings", { planDaysPerWeek: 7 });
    expect((await person.put("/api/mail", { reminderTime: "06:30", timeZone: "UTC" })).status).toBe(200);
    clock.set("2026-12-07T07:00:00Z");
    await limber.server.reminders.runDue();
    await limber.server.mail.drain();
    expect(limber.sink.received.filter((m) => m.to === email && m.subject === "Your Limber reminder")).toEqual([]);
  });

  it("answers a bad mail setting with 400 naming the field", async () => {
    const person = client();
    await person.signUp();
    const bad = async (body: unknown) => (await person.put("/api/mail", body)).body.problems;
    expect(await bad({ reminderTime: "8:30", timeZone: "UTC" })).toEqual([
      { path: "reminderTime", message: "Enter a time of day such as 08:30, or turn reminders off." },
    ]);
    expect(await bad({ reminderTime: null, timeZone: "Mars/Olympus" })).toEqual([
      { path: "timeZone", message: "Use a time zone such as Europe/Berlin (the browser gives its own)." },
    ]);
    expect(await bad({ reminderTime: null, timeZone: "UTC", weeklySummary: true })).toEqual([
      { path: "weeklySummary", message: "Only a coach gets a weekly summary. Leave it off." },
    ]);
  });
});
