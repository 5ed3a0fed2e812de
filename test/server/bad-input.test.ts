import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, sessionLog } from "../support/api-client.ts";
import { BACKENDS, TestBackend } from "../support/backends.ts";
import { openTestApp, type TestApp } from "../support/test-app.ts";

const WRITES: [string, string][] = [
  ["POST", "/api/logs"],
  ["PUT", "/api/progress/foot-stretches-for-lower-back-pain/hold"],
  ["PUT", "/api/settings"],
  ["POST", "/api/auth/password"],
  ["DELETE", "/api/account"],
  ["POST", "/api/auth/sign-in"],
  ["POST", "/api/auth/sign-up"],
];

describe.each(BACKENDS)("arbitrary input on %s", (name) => {
  const backend = new TestBackend(name);
  let t: TestApp;
  let c: ApiClient;
  const kept = sessionLog({ notes: "must survive" });
  beforeAll(async () => {
    t = await openTestApp(backend);
    c = t.client();
    await c.signUp();
    await c.post("/api/logs", kept);
  });
  afterAll(async () => {
    await t?.database.close();
    await backend.stop();
  });

  it("answers 400 with field problems to any JSON that is not what an endpoint expects, never 500, and loses nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WRITES), fc.jsonValue(), async ([method, path], body) => {
        const res = await c.request(method, path, JSON.stringify(body));
        expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
        expect(Array.isArray(res.body.problems) && res.body.problems.length > 0).toBe(true);
      }),
      { numRuns: 150 },
    );
    expect((await c.get(`/api/logs/${kept.id}`)).body.notes).toBe("must survive");
    expect((await c.get("/api/auth/me")).body.account).not.toBeNull();
    expect(t.errors).toEqual([]);
  });

  it("answers a session log with any one field replaced by arbitrary JSON with 400 or a stored log, never 500", async () => {
    const fields = Object.keys(sessionLog());
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), fc.jsonValue(), async (field, value) => {
        const res = await c.post("/api/logs", { ...sessionLog(), [field]: value });
        expect([400, 201]).toContain(res.status);
      }),
      { numRuns: 150 },
    );
    expect((await c.get(`/api/logs/${kept.id}`)).body.notes).toBe("must survive");
    expect(t.errors).toEqual([]);
  });
});
