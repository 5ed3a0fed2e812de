import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, sessionLog } from "../support/api-client.ts";
import { BACKENDS, TestBackend } from "../support/backends.ts";
import { COACHING_ROUTES } from "../support/coaching-routes.ts";
import { openTestApp, type TestApp } from "../support/test-app.ts";

const PROGRAM = "foot-stretches-for-lower-back-pain";
const plan = { programId: PROGRAM, programVersion: 1, schedule: { kind: "weekdays", days: ["mon"], startDate: "2026-11-02" } };

describe.each(BACKENDS)("coach authorisation on %s", (name) => {
  const backend = new TestBackend(name);
  let t: TestApp;
  let coachA: ApiClient;
  let coachB: ApiClient;
  let clientA: ApiClient;
  let otherClientA: ApiClient;
  let clientAId: string;
  let programA: { id: string };
  let inviteA: string;
  let feedPath: string;
  const privateNote = "alice's private pain note";

  async function join(client: ApiClient, coach: ApiClient) {
    const { code } = (await coach.post("/api/invites", {})).body;
    expect((await client.post("/api/invites/accept", { code })).status).toBe(200);
  }

  beforeAll(async () => {
    t = await openTestApp(backend);
    coachA = t.client();
    await coachA.signUp({ displayName: "Coach A", role: "coach" });
    coachB = t.client();
    await coachB.signUp({ displayName: "Coach B", role: "coach" });
    clientA = t.client();
    clientAId = (await clientA.signUp({ displayName: "Alice" })).account.id;
    await join(clientA, coachA);
    otherClientA = t.client();
    await otherClientA.signUp({ displayName: "Andy" });
    await join(otherClientA, coachA);
    await clientA.post("/api/logs", sessionLog({ notes: privateNote, painAfter: 8 }));
    await coachA.put(`/api/clients/${clientAId}/prescription`, plan);
    await clientA.post("/api/messages", { body: privateNote });
    feedPath = (await clientA.post("/api/calendar-feed")).body.path;
    programA = (await coachA.post("/api/programs", (await coachA.get(`/api/programs/${PROGRAM}`)).body)).body;
    inviteA = (await coachA.post("/api/invites", {})).body.invite.id;
  });
  afterAll(async () => {
    await t?.database.close();
    await backend.stop();
  });

  const concrete = (path: string) =>
    path
      .replace("/api/clients/:id", `/api/clients/${clientAId}`)
      .replace("/api/programs/:id", `/api/programs/${programA.id}`)
      .replace("/api/invites/:id", `/api/invites/${inviteA}`);

  it.each(COACHING_ROUTES.filter((r) => r.who !== "feed-token"))(
    "refuses $method $path without a session with 401",
    async ({ method, path }) => {
      expect((await t.client().request(method, concrete(path), method === "GET" || method === "DELETE" ? undefined : {})).status).toBe(401);
    },
  );

  it.each(COACHING_ROUTES.filter((r) => r.who === "coach"))("refuses $method $path to a client with 403", async ({ method, path }) => {
    const r = await clientA.request(method, concrete(path), method === "GET" || method === "DELETE" ? undefined : {});
    expect(r.status).toBe(403);
    expect(r.text).not.toContain(privateNote);
  });

  it("lists only the coach's own clients on the dashboard", async () => {
    const a = (await coachA.get("/api/clients?today=2026-11-25")).body.clients.map((c: { displayName: string }) => c.displayName).sort();
    expect(a).toEqual(["Alice", "Andy"]);
    const b = await coachB.get("/api/clients?today=2026-11-25");
    expect(b.body.clients).toEqual([]);
    expect((await coachB.get("/api/clients/adherence?today=2026-11-25")).body.clients).toBe(0);
  });

  it("answers 404 to another practice's coach for every route that takes a client, program or invite id", async () => {
    expect((await coachB.get(`/api/clients/${clientAId}`)).status).toBe(404);
    expect((await coachB.put(`/api/clients/${clientAId}/prescription`, plan)).status).toBe(404);
    expect((await coachB.post(`/api/clients/${clientAId}/messages/read`)).status).toBe(404);
    expect((await coachB.delete(`/api/clients/${clientAId}`)).status).toBe(404);
    expect((await coachA.get(`/api/clients/${clientAId}`)).status).toBe(200);
    expect((await coachB.delete(`/api/invites/${inviteA}`)).status).toBe(404);
    expect((await coachB.get(`/api/programs/${programA.id}`)).status).toBe(404);
    expect((await coachB.put(`/api/programs/${programA.id}`, { ...programA, title: "taken over" })).status).toBe(404);
    expect((await coachB.get(`/api/clients/${randomUUID()}`)).status).toBe(404);
    // Nothing changed for coach A.
    expect((await coachA.get(`/api/clients/${clientAId}`)).body.messages[0].readAt).toBeNull();
    expect((await coachA.get(`/api/programs/${programA.id}`)).body.version).toBe(1);
  });

  it("does not let a coach prescribe another practice's program", async () => {
    const own = (await coachB.post("/api/programs", (await coachB.get(`/api/programs/${PROGRAM}`)).body)).body;
    const r = await coachA.put(`/api/clients/${clientAId}/prescription`, { ...plan, programId: own.id });
    expect(r.status).toBe(400);
    expect(r.body.problems[0].path).toBe("programVersion");
  });

  it("gives a client no way to another client's data, even in the same practice", async () => {
    const logs = (await clientA.get("/api/logs")).body.logs as { id: string }[];
    expect((await otherClientA.get(`/api/logs/${logs[0]!.id}`)).status).toBe(404);
    expect((await otherClientA.get("/api/messages")).body.messages).toEqual([]);
    expect((await otherClientA.get("/api/prescription")).body.prescription).toBeNull();
  });

  it("shows a client only their coach's name and contact details", async () => {
    const coach = (await clientA.get("/api/coach")).body.coach;
    expect(Object.keys(coach).sort()).toEqual(["coachName", "contact", "email", "practice"]);
    expect(coach.coachName).toBe("Coach A");
  });

  it("serves a feed only to its exact token, and the feed holds no pain scores, notes or names", async () => {
    const feed = await t.client().get(feedPath);
    expect(feed.status).toBe(200);
    expect(feed.text).not.toContain(privateNote);
    expect(feed.text).not.toContain("Alice");
    // The program's title mentions back pain; a score never appears.
    expect(feed.text).not.toMatch(/pain (before|after)|out of 10/i);
    const token = feedPath.split("/").pop()!.replace(".ics", "");
    const altered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect((await coachB.get(`/api/calendar/${altered}.ics`)).status).toBe(404);
    expect((await coachB.get(`/api/calendar/${"x".repeat(43)}.ics`)).status).toBe(404);
  });

  it("does not let a coach join another practice with an invite", async () => {
    const { code } = (await coachA.post("/api/invites", {})).body;
    expect((await coachB.post("/api/invites/accept", { code })).status).toBe(403);
    expect((await coachB.get("/api/clients")).body.clients).toEqual([]);
  });
});
