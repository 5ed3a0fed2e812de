import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api-client.ts";
import { TestBackend } from "../support/backends.ts";
import { openTestApp, type TestApp } from "../support/test-app.ts";

/** A sentence: a capital letter first, a full stop (or question mark) last. */
const SENTENCE = /^[A-Z][^]*[.?]$/;

describe("the words of every refusal a person can meet", () => {
  const backend = new TestBackend("pglite");
  let t: TestApp;
  let client: ApiClient;
  let coach: ApiClient;
  let clientEmail: string;
  beforeAll(async () => {
    t = await openTestApp(backend);
    client = t.client();
    ({ email: clientEmail } = await client.signUp({ displayName: "Pat" }));
    coach = t.client();
    await coach.signUp({ displayName: "Casey", role: "coach" });
  });
  afterAll(async () => {
    await t?.database.close();
    await backend.stop();
  });

  it("answers 401, 403, 404 and 409 with a full sentence that says what to do", async () => {
    const answers = [
      await t.client().get("/api/history"),
      await client.get("/api/clients"),
      await client.post("/api/invites/accept", { code: "ABCDEFGHIJKL" }),
      await client.get(`/api/logs/${randomUUID()}`),
      await coach.get(`/api/clients/${randomUUID()}`),
      await t.client().post("/api/auth/sign-up", { email: clientEmail, password: "a long enough password", displayName: "Pat" }),
      await client.post("/api/practice/leave"),
      await client.post("/api/messages", { body: "Hello" }),
      await client.get("/api/no-such-thing"),
    ];
    expect(answers.map((a) => a.status)).toEqual([401, 403, 404, 404, 404, 409, 409, 403, 404]);
    expect(answers.map((a) => a.body.error).filter((e: string) => !SENTENCE.test(e))).toEqual([]);
    expect(answers.map((a) => a.body.error).slice(0, 3)).toEqual([
      "Sign in first, then try again.",
      "Only a coach can do this. Sign in with a coach's account to go on.",
      "This invite code is not known. Check it with your coach.",
    ]);
  });

  it("words each problem of a sign-up, sign-in, note and invite code as a sentence for the person", async () => {
    const answers = [
      await t.client().post("/api/auth/sign-up", { email: "pat", password: "short", displayName: "" }),
      await t.client().post("/api/auth/sign-in", { email: clientEmail, password: "" }),
      await client.post("/api/invites/accept", { code: "short" }),
      await coach.put("/api/organisation", { name: "" }),
    ];
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400]);
    expect(answers.map((a) => a.body.problems.map((p: { path: string; message: string }) => `${p.path}: ${p.message}`))).toEqual([
      [
        "email: Enter an email address such as name@example.org.",
        "password: Use at least 10 characters for your password.",
        "displayName: Enter your name; your coach sees it.",
      ],
      ["password: Enter your password."],
      ["code: Enter the whole invite code you were given."],
      ["name: Give the practice a name."],
    ]);
  });

  it("words a plan's schedule problems as sentences for the coach", async () => {
    const joining = t.client();
    const { account } = await joining.signUp({ displayName: "Sam" });
    await joining.post("/api/invites/accept", { code: (await coach.post("/api/invites", {})).body.code });
    const r = await coach.put(`/api/clients/${account.id}/prescription`, {
      programId: "foot-stretches-for-lower-back-pain",
      programVersion: 1,
      schedule: { kind: "weekdays", days: [], startDate: "2026-11-02", endDate: "2026-10-01" },
    });
    expect(r.status).toBe(400);
    expect(r.body.problems).toEqual([
      { path: "schedule.days", message: "Choose at least one day of the week." },
      { path: "schedule.endDate", message: "Choose an end date on or after the start date." },
    ]);
  });
});
