import { beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../src/server/clock.ts";
import { ApiClient, overHttp, sessionLog } from "../support/api-client.ts";
import { PUBLIC_URL as PUBLIC, useMailServer } from "../support/mail-server.ts";

describe("a coach's mail: the weekly summary by an injected clock, and invites, over a real SMTP server", () => {
  let coach: ApiClient;
  const clock = manualClock("2026-12-05T10:00:00Z");
  const limber = useMailServer("summary", clock);
  const summaries = () => limber.sink.received.filter((m) => m.subject === "Your Limber weekly summary");

  beforeAll(async () => {
    coach = new ApiClient(overHttp, limber.server.url);
    const { email } = await coach.signUp({ displayName: "Dr Berg", role: "coach" });
    await limber.checkEmail(email);
    expect((await coach.put("/api/mail", { reminderTime: null, timeZone: "UTC", weeklySummary: true })).body.weeklySummary).toBe(true);
    const { code } = (await coach.post("/api/invites", { label: "Jonas", days: 14 })).body;
    const client = new ApiClient(overHttp, limber.server.url);
    await client.signUp({ displayName: "Jonas" });
    expect((await client.post("/api/invites/accept", { code })).status).toBe(200);
    expect(
      (await client.post("/api/logs", sessionLog({ startedAt: "2026-12-03T09:00:00Z", endedAt: "2026-12-03T09:10:00Z", painAfter: 8 })))
        .status,
    ).toBe(201);
  }, 60_000);

  it("comes once, from 08:00 on Monday, for the week that ended on Sunday", async () => {
    clock.set("2026-12-07T07:59:00Z");
    await limber.minute();
    expect(summaries()).toHaveLength(0);
    clock.set("2026-12-07T08:00:00Z");
    await limber.minute();
    clock.set("2026-12-07T12:00:00Z");
    await limber.minute();
    expect(summaries()).toHaveLength(1);
  });

  it("says who needs attention and why, sessions done, who stopped and new notes, with no pain score", () => {
    const [mail] = summaries();
    expect(mail!.text).toContain("In the week up to 2026-12-06, your 1 client did 1 session between them.");
    expect(mail!.text).toContain("Who needs attention\n- Jonas: pain was high after the last session\n");
    expect(mail!.text).toContain("Sessions done this week\n- Jonas: 1 session\n");
    expect(mail!.text).toContain("Who stopped\n- none\n");
    expect(mail!.text).not.toMatch(/out of 10|\b8\b/);
    expect(mail!.html).toContain("<h2");
    expect(mail!.header("List-Unsubscribe")).toMatch(new RegExp(`^<${PUBLIC}/mail/unsubscribe/w\\.`));
  });

  it("mails an invite whose link lets the person join, made at sending and listed for the coach", async () => {
    const asked = await coach.post("/api/invites/email", { email: "Greta@Example.org", label: "Greta" });
    expect(asked.status).toBe(202);
    await limber.server.mail.drain();
    const [mail] = limber.sink.received.filter((m) => m.to === "greta@example.org");
    expect(mail!.subject).toBe("An invite to Dr Berg's practice in Limber");
    const code = new RegExp(`${PUBLIC}/#/join/([A-Z0-9-]+)`).exec(mail!.text)![1]!;
    expect(mail!.text).toContain(`enter this code: ${code}.`);
    expect((await coach.get("/api/invites")).body.invites.map((i: { label: string }) => i.label)).toContain("Greta");
    const greta = new ApiClient(overHttp, limber.server.url);
    await greta.signUp({ email: "greta@example.org", displayName: "Greta" });
    expect((await greta.post("/api/invites/accept", { code })).status).toBe(200);
    expect((await new ApiClient(overHttp, limber.server.url).post("/api/invites/email", { email: "x@example.org" })).status).toBe(401);
  });
});
