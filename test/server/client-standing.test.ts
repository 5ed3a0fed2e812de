import { describe, expect, it } from "vitest";
import { sessionLog } from "../support/api-client.ts";
import { BACKENDS } from "../support/backends.ts";
import { useTestApp } from "../support/backend-suite.ts";

const TODAY = "2026-11-25"; // a Wednesday

describe.each(BACKENDS)("a client's standing on %s", (name) => {
  const suite = useTestApp(name);

  it("reads the same on the dashboard and on the client page for a client idle longer than the page's weeks", async () => {
    const { t } = suite;
    const coach = t.client();
    await coach.signUp({ displayName: "Casey", role: "coach" });
    const client = t.client();
    const { account } = await client.signUp({ displayName: "Idle" });
    await client.post("/api/invites/accept", { code: (await coach.post("/api/invites", {})).body.code });
    const schedule = { kind: "weekdays", days: ["mon", "wed", "fri"], startDate: "2026-06-01" };
    expect(
      (
        await coach.put(`/api/clients/${account.id}/prescription`, {
          programId: "foot-stretches-for-lower-back-pain",
          programVersion: 1,
          schedule,
        })
      ).status,
    ).toBe(200);
    // Three sessions in late July and early August, pain after rising to 8, and nothing since.
    for (const [day, painAfter] of [
      ["2026-07-27", 3],
      ["2026-07-29", 5],
      ["2026-08-03", 8],
    ] as const) {
      const sent = await client.post(
        "/api/logs",
        sessionLog({ startedAt: `${day}T08:00:00+01:00`, endedAt: `${day}T08:12:00+01:00`, painBefore: 4, painAfter }),
      );
      expect(sent.status).toBe(201);
    }

    const dashboard = (await coach.get(`/api/clients?today=${TODAY}`)).body.clients[0];
    const page = (await coach.get(`/api/clients/${account.id}?today=${TODAY}&weeks=12`)).body;

    const expected = {
      week: { planned: 3, done: 0, ratio: 0 },
      month: { planned: 12, done: 0, ratio: 0 },
      flags: [
        { kind: "pain-high", message: "Pain after the last session was 8 out of 10." },
        { kind: "pain-rising", message: "Pain after sessions rose over the last three: 3, 5, 8." },
        // 48 Mondays, Wednesdays and Fridays from 4 August to yesterday, the 24th of November.
        { kind: "stopped", message: "Nothing practised since Monday 3 August: 48 planned days missed." },
      ],
      attention: 100 + 60 + 40 + 30,
    };
    expect(dashboard.standing).toEqual(expected);
    expect(page.standing).toEqual(expected);
    expect(page.sessions).toEqual([]);
    expect(page.lastSession).toEqual(dashboard.lastSession);
    expect(page.lastSession).toMatchObject({ day: "2026-08-03", painAfter: 8 });
  });
});
