import { describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api-client.ts";
import { sessionLog } from "../support/api-client.ts";
import { useTestApp } from "../support/backend-suite.ts";
import { BACKENDS } from "../support/backends.ts";

const PROGRAM = "foot-stretches-for-lower-back-pain";
const TODAY = "2026-11-25";
const coachPlan = {
  programId: PROGRAM,
  programVersion: 1,
  schedule: { kind: "weekdays", days: ["mon", "thu"], startDate: "2026-11-02" },
  note: "From the coach.",
};
const ownPlan = {
  programId: PROGRAM,
  programVersion: 1,
  schedule: { kind: "per-week", timesPerWeek: 2, startDate: "2026-11-02" },
  note: "",
};

describe.each(BACKENDS)("leaving a coach's practice on %s", (name) => {
  const suite = useTestApp(name);

  /** A coach with a client who has a log, a note to the coach and a calendar address. */
  async function coachWithClient(options: { coachSetsPlan: boolean }) {
    const coach = suite.t.client();
    await coach.signUp({ displayName: "Casey", role: "coach" });
    const client = suite.t.client();
    const { account } = await client.signUp({ displayName: "Robin" });
    expect((await client.put("/api/prescription", ownPlan)).status).toBe(200);
    const { code } = (await coach.post("/api/invites", {})).body;
    expect((await client.post("/api/invites/accept", { code })).status).toBe(200);
    if (options.coachSetsPlan) expect((await coach.put(`/api/clients/${account.id}/prescription`, coachPlan)).status).toBe(200);
    const log = sessionLog({ startedAt: `${TODAY}T08:00:00Z`, endedAt: `${TODAY}T08:07:00Z`, notes: "right heel sore", painAfter: 3 });
    expect((await client.post("/api/logs", log)).status).toBe(201);
    expect((await client.post("/api/messages", { body: "A private note for Casey." })).status).toBe(201);
    const feed = (await client.post("/api/calendar-feed")).body.path as string;
    return { coach, client, id: account.id, log, feed };
  }

  async function seesClient(coach: ApiClient, id: string) {
    const listed = (await coach.get(`/api/clients?today=${TODAY}`)).body.clients.some((c: { id: string }) => c.id === id);
    const page = (await coach.get(`/api/clients/${id}?today=${TODAY}`)).status;
    return { listed, page };
  }

  it("lets the client stop sharing: the coach sees nothing more, the client keeps every record, and the coach's plan ends", async () => {
    const { coach, client, id, log, feed } = await coachWithClient({ coachSetsPlan: true });
    expect(await seesClient(coach, id)).toEqual({ listed: true, page: 200 });

    const left = await client.post("/api/practice/leave");
    expect(left.status).toBe(200);
    expect(await seesClient(coach, id)).toEqual({ listed: false, page: 404 });
    expect((await coach.put(`/api/clients/${id}/prescription`, coachPlan)).status).toBe(404);
    expect((await coach.get("/api/clients/adherence?today=2026-11-25")).body.clients).toBe(0);

    expect((await client.get(`/api/logs/${log.id}`)).body.notes).toBe("right heel sore");
    expect((await client.get("/api/messages")).body.messages.map((m: { body: string }) => m.body)).toEqual(["A private note for Casey."]);
    expect((await client.get("/api/coach")).body.coach).toBeNull();
    expect((await client.get("/api/prescription")).body.prescription).toBeNull();
    expect((await suite.t.client().get(feed)).status).toBe(200);
    // Their own organisation now, named after them.
    const me = (await client.get("/api/auth/me")).body.account;
    const org = await suite.t.database.db
      .selectFrom("organisations")
      .select(["name", "kind"])
      .where("id", "=", me.organisationId)
      .executeTakeFirstOrThrow();
    expect(org).toEqual({ name: "Robin", kind: "personal" });
  });

  it("keeps a plan the client set for themselves", async () => {
    const { client } = await coachWithClient({ coachSetsPlan: false });
    expect((await client.post("/api/practice/leave")).status).toBe(200);
    expect((await client.get("/api/prescription")).body.prescription).toMatchObject({ schedule: { kind: "per-week", timesPerWeek: 2 } });
  });

  it("lets the coach remove a client, who keeps their account and data and can join again with a new invite", async () => {
    const { coach, client, id, log } = await coachWithClient({ coachSetsPlan: true });
    expect((await coach.delete(`/api/clients/${id}`)).status).toBe(204);
    expect(await seesClient(coach, id)).toEqual({ listed: false, page: 404 });
    expect((await coach.delete(`/api/clients/${id}`)).status).toBe(404);
    expect((await client.get("/api/auth/me")).body.account).not.toBeNull();
    expect((await client.get(`/api/logs/${log.id}`)).status).toBe(200);

    const { code } = (await coach.post("/api/invites", {})).body;
    expect((await client.post("/api/invites/accept", { code })).status).toBe(200);
    expect(await seesClient(coach, id)).toEqual({ listed: true, page: 200 });
    // The earlier log comes back with the person, as when they first joined.
    const sessions = (await coach.get(`/api/clients/${id}?today=${TODAY}`)).body.sessions.map((s: { id: string }) => s.id);
    expect(sessions).toEqual([log.id]);
  });

  it("says clearly when there is no practice to leave, and that a coach cannot leave their own", async () => {
    const loner = suite.t.client();
    await loner.signUp();
    const alone = await loner.post("/api/practice/leave");
    expect(alone.status).toBe(409);
    expect(alone.body.error).toBe("You are not in a coach's practice, so there is nothing to leave.");
    const coach = suite.t.client();
    await coach.signUp({ role: "coach" });
    const own = await coach.post("/api/practice/leave");
    expect(own.status).toBe(403);
    expect(own.body.error).toBe("A coach cannot leave their own practice. Delete the account under Account instead.");
  });
});
