import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sessionLog, type ApiClient } from "../support/api-client.ts";
import { useTestApp } from "../support/backend-suite.ts";
import { BACKENDS } from "../support/backends.ts";

describe.each(BACKENDS)("a coach and a client writing to each other on %s", (name) => {
  const suite = useTestApp(name);

  /** A coach with one client who has joined; `practice` names the coach. */
  async function practiceWithClient(practice = "Casey") {
    const coach = suite.t.client();
    await coach.signUp({ displayName: practice, role: "coach" });
    const client = suite.t.client();
    const { account } = await client.signUp({ displayName: "Robin" });
    const { code } = (await coach.post("/api/invites", {})).body;
    expect((await client.post("/api/invites/accept", { code })).status).toBe(200);
    return { coach, client, id: account.id };
  }

  const bodies = async (who: ApiClient, path: string) =>
    (await who.get(path)).body.messages.map((m: { author: string; body: string }) => `${m.author}: ${m.body}`);

  it("lets the coach answer a client's note, and both read the conversation newest first", async () => {
    const { coach, client, id } = await practiceWithClient();
    expect((await client.post("/api/messages", { body: "My calf felt tight." })).status).toBe(201);
    suite.t.clock.advance(60_000);
    const reply = await coach.post(`/api/clients/${id}/messages`, { body: "Hold it a little shorter this week." });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ author: "coach", body: "Hold it a little shorter this week.", readAt: null });
    expect(await bodies(client, "/api/messages")).toEqual(["coach: Hold it a little shorter this week.", "client: My calf felt tight."]);
    expect(await bodies(coach, `/api/clients/${id}`)).toEqual([
      "coach: Hold it a little shorter this week.",
      "client: My calf felt tight.",
    ]);
  });

  it("lets the coach write first, and the client sees it unread until they open it", async () => {
    const { coach, client, id } = await practiceWithClient();
    await coach.post(`/api/clients/${id}/messages`, { body: "Welcome! Start gently on Monday." });
    suite.t.clock.advance(1000);
    await coach.post(`/api/clients/${id}/messages`, { body: "The handout is under My plan." });
    expect((await client.get("/api/messages")).body.unread).toBe(2);
    suite.t.clock.advance(1000);
    const readAt = suite.t.clock.now().toISOString();
    expect((await client.post("/api/messages/read")).status).toBe(204);
    const after = (await client.get("/api/messages")).body;
    expect(after.unread).toBe(0);
    // The coach sees when each was read.
    const seen = (await coach.get(`/api/clients/${id}`)).body.messages.map((m: { readAt: string | null }) => m.readAt);
    expect(seen).toEqual([readAt, readAt]);
  });

  it("marks read only what the other side wrote: a coach reading does not mark their own replies read", async () => {
    const { coach, client, id } = await practiceWithClient();
    await client.post("/api/messages", { body: "Sore today." });
    suite.t.clock.advance(1000);
    await coach.post(`/api/clients/${id}/messages`, { body: "Rest a day." });
    await coach.post(`/api/clients/${id}/messages/read`);
    const byAuthor = (await coach.get(`/api/clients/${id}`)).body.messages.map((m: { author: string; readAt: string | null }) => [
      m.author,
      m.readAt !== null,
    ]);
    expect(byAuthor).toEqual([
      ["coach", false],
      ["client", true],
    ]);
    expect((await client.get("/api/messages")).body.unread).toBe(1);
    // The dashboard counts only the client's unread notes.
    const row = (await coach.get("/api/clients?today=2026-11-25")).body.clients[0];
    expect([row.unreadMessages, row.latestMessage.author]).toEqual([0, "coach"]);
  });

  it("answers 404 to another practice's coach writing to or reading a client, and changes nothing", async () => {
    const { client, id } = await practiceWithClient("Casey");
    const { coach: otherCoach } = await practiceWithClient("Morgan");
    await client.post("/api/messages", { body: "Private to Casey." });
    expect((await otherCoach.post(`/api/clients/${id}/messages`, { body: "Hello from another practice." })).status).toBe(404);
    expect((await otherCoach.post(`/api/clients/${id}/messages/read`)).status).toBe(404);
    expect((await otherCoach.post(`/api/clients/${randomUUID()}/messages`, { body: "Anyone?" })).status).toBe(404);
    expect(await bodies(client, "/api/messages")).toEqual(["client: Private to Casey."]);
    expect((await client.get("/api/messages")).body.messages[0].readAt).toBeNull();
  });

  it("answers 404 once the client has left the practice, and the client keeps the conversation", async () => {
    const { coach, client, id } = await practiceWithClient();
    await coach.post(`/api/clients/${id}/messages`, { body: "See you Thursday." });
    expect((await client.post("/api/practice/leave")).status).toBe(200);
    expect((await coach.post(`/api/clients/${id}/messages`, { body: "Are you still there?" })).status).toBe(404);
    expect(await bodies(client, "/api/messages")).toEqual(["coach: See you Thursday."]);
  });

  it("refuses an empty or over-long reply with a 400 naming the field, and one pointing at a session that is not the client's", async () => {
    const { coach, id } = await practiceWithClient();
    const empty = await coach.post(`/api/clients/${id}/messages`, { body: "   " });
    expect([empty.status, empty.body.problems[0].path]).toEqual([400, "body"]);
    const long = await coach.post(`/api/clients/${id}/messages`, { body: "x".repeat(1001) });
    expect([long.status, long.body.problems[0].path]).toEqual([400, "body"]);
    const stranger = suite.t.client();
    await stranger.signUp();
    const theirs = sessionLog();
    await stranger.post("/api/logs", theirs);
    const wrong = await coach.post(`/api/clients/${id}/messages`, { body: "About that session", sessionLogId: theirs.id });
    expect([wrong.status, wrong.body.problems[0].path]).toEqual([400, "sessionLogId"]);
  });

  it("exports the conversation with the client's data and the coach's replies with the coach's, and removes a coach's replies with their account", async () => {
    const { coach, client, id } = await practiceWithClient();
    await client.post("/api/messages", { body: "Thanks for the plan." });
    suite.t.clock.advance(1000);
    await coach.post(`/api/clients/${id}/messages`, { body: "You are welcome." });
    const mine = (await client.get("/api/account/export.json")).body.notesToCoach.map(
      (m: { author: string; body: string }) => `${m.author}: ${m.body}`,
    );
    expect(mine).toEqual(["client: Thanks for the plan.", "coach: You are welcome."]);
    const coachs = (await coach.get("/api/account/export.json")).body.notesToCoach.map((m: { body: string }) => m.body);
    expect(coachs).toEqual(["You are welcome."]);
    // A coach's account removed with a practice of its own: only after the client has left can the coach go.
    await client.post("/api/practice/leave");
    expect((await coach.delete("/api/account", { password: "correct horse battery" })).status).toBe(204);
    expect(await bodies(client, "/api/messages")).toEqual(["client: Thanks for the plan."]);
    expect((await client.delete("/api/account", { password: "correct horse battery" })).status).toBe(204);
    expect(await suite.t.database.db.selectFrom("messages").select("id").where("user_id", "=", id).execute()).toEqual([]);
  });
});
