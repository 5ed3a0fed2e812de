import { describe, expect, it } from "vitest";
import { deleteExpiredSessions } from "../../src/server/store/auth-sessions.ts";
import { useTestApp } from "../support/backend-suite.ts";
import { BACKENDS } from "../support/backends.ts";

describe.each(BACKENDS)("accounts on %s", (name) => {
  const suite = useTestApp(name);

  it("signs a new user up into a personal organisation of their own as a client", async () => {
    const a = suite.t.client();
    const b = suite.t.client();
    const { account: one } = await a.signUp();
    const { account: two } = await b.signUp();
    expect(one).toMatchObject({ role: "client" });
    expect(one.organisationId).not.toBe(two.organisationId);
    expect(JSON.stringify(one)).not.toMatch(/scrypt|password/i);
  });

  it("sets an HttpOnly SameSite=Lax session cookie that is not Secure over plain http", async () => {
    const res = await suite.t
      .client()
      .post("/api/auth/sign-up", { email: "cookie@example.org", password: "long enough pass", displayName: "C" });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("limber_session="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it("marks the session cookie Secure when the request came over https", async () => {
    const a = suite.t.client();
    await a.signUp({ email: "secure@example.org" });
    const res = await suite.t.app.request("https://limber.example/api/auth/sign-in", {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": "anonymous" },
      body: JSON.stringify({ email: "secure@example.org", password: "correct horse battery" }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().find((c) => c.startsWith("limber_session="))).toMatch(/Secure/);
  });

  it("stores the password as a salted scrypt hash, different for two users with the same password", async () => {
    const a = await suite.t.client().signUp({ password: "same password here" });
    const b = await suite.t.client().signUp({ password: "same password here" });
    const rows = await suite.t.database.db
      .selectFrom("users")
      .select(["password_hash"])
      .where("id", "in", [a.account.id, b.account.id])
      .execute();
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(rows[0]!.password_hash).not.toBe(rows[1]!.password_hash);
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    await suite.t.client().signUp({ email: "twice@example.org" });
    const res = await suite.t
      .client()
      .post("/api/auth/sign-up", { email: "TWICE@example.org", password: "another password", displayName: "T" });
    expect(res.status).toBe(409);
  });

  it("answers 400 with the field path and what was expected for a bad sign-up", async () => {
    const res = await suite.t.client().post("/api/auth/sign-up", { email: "not-an-email", password: "short", displayName: "" });
    expect(res.status).toBe(400);
    const paths = res.body.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "password", "displayName"]));
    expect(res.body.problems.find((p: { path: string }) => p.path === "password").message).toMatch(/at least 10 characters/);
  });

  it("signs in with the right password and refuses the wrong one without saying which part was wrong", async () => {
    const { email } = await suite.t.client().signUp();
    const c = suite.t.client();
    const wrong = await c.post("/api/auth/sign-in", { email, password: "not the password" });
    expect(wrong.status).toBe(401);
    const unknown = await c.post("/api/auth/sign-in", { email: "nobody@example.org", password: "not the password" });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    const right = await c.post("/api/auth/sign-in", { email, password: "correct horse battery" });
    expect(right.status).toBe(200);
    expect((await c.get("/api/auth/me")).body.account.email).toBe(email);
  });

  it("gives a new session id at sign-in and ends the one presented before (no session fixation)", async () => {
    const c = suite.t.client();
    const { email } = await c.signUp();
    const before = c.cookie!;
    await c.post("/api/auth/sign-in", { email, password: "correct horse battery" });
    expect(c.cookie).not.toBe(before);
    const stale = await c.get("/api/auth/me", { cookie: before });
    expect(stale.body).toEqual({ account: null, csrfToken: null });
    expect((await c.get("/api/auth/me")).body.account).not.toBeNull();
  });

  it("answers who is signed in with an ordinary 200 when nobody is, so a signed-out page load logs no error", async () => {
    const res = await suite.t.client().get("/api/auth/me");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ account: null, csrfToken: null });
  });

  it("signs out by ending the session on the server, not only in the browser", async () => {
    const c = suite.t.client();
    await c.signUp();
    const cookie = c.cookie!;
    expect((await c.post("/api/auth/sign-out")).status).toBe(204);
    expect((await c.get("/api/auth/me", { cookie })).body).toEqual({ account: null, csrfToken: null });
  });

  it("changes the password, ending the user's other sessions and keeping this one working", async () => {
    const phone = suite.t.client();
    const { email } = await phone.signUp();
    const laptop = suite.t.client();
    await laptop.post("/api/auth/sign-in", { email, password: "correct horse battery" });
    const wrong = await phone.post("/api/auth/password", { currentPassword: "guess guess guess", newPassword: "a brand new password" });
    expect(wrong.status).toBe(403);
    const ok = await phone.post("/api/auth/password", { currentPassword: "correct horse battery", newPassword: "a brand new password" });
    expect(ok.status).toBe(200);
    expect((await phone.get("/api/auth/me")).body.account).not.toBeNull();
    expect((await laptop.get("/api/auth/me")).body).toEqual({ account: null, csrfToken: null });
    const fresh = suite.t.client();
    expect((await fresh.post("/api/auth/sign-in", { email, password: "correct horse battery" })).status).toBe(401);
    expect((await fresh.post("/api/auth/sign-in", { email, password: "a brand new password" })).status).toBe(200);
  });

  it("ends a session after 30 days by the injected clock", async () => {
    const c = suite.t.client();
    await c.signUp();
    suite.t.clock.advance(29 * 24 * 3600_000);
    expect((await c.get("/api/auth/me")).body.account).not.toBeNull();
    suite.t.clock.advance(2 * 24 * 3600_000);
    expect((await c.get("/api/auth/me")).body).toEqual({ account: null, csrfToken: null });
  });

  it("locks an account for 15 minutes after 5 failed sign-ins, even with the right password, then lets it in", async () => {
    const { email } = await suite.t.client().signUp();
    const c = suite.t.client();
    for (let i = 0; i < 5; i++) expect((await c.post("/api/auth/sign-in", { email, password: "wrong password" })).status).toBe(401);
    const locked = await c.post("/api/auth/sign-in", { email, password: "correct horse battery" });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    suite.t.clock.advance(15 * 60_000 + 1000);
    expect((await c.post("/api/auth/sign-in", { email, password: "correct horse battery" })).status).toBe(200);
  });

  it("limits failed sign-ins per address across many accounts", async () => {
    const c = suite.t.client();
    for (let i = 0; i < 30; i++) await c.post("/api/auth/sign-in", { email: `spray-${i}@example.org`, password: "wrong password" });
    const { email } = await suite.t.client().signUp();
    expect((await c.post("/api/auth/sign-in", { email, password: "correct horse battery" })).status).toBe(429);
    suite.t.clock.advance(16 * 60_000);
    expect((await c.post("/api/auth/sign-in", { email, password: "correct horse battery" })).status).toBe(200);
  });

  it("refuses a state-changing request without the CSRF header", async () => {
    const c = suite.t.client();
    await c.signUp();
    const res = await c.put("/api/settings", { planDaysPerWeek: 5 }, { "x-csrf-token": "" });
    expect(res.status).toBe(403);
  });

  it("refuses a signed-in request whose CSRF token belongs to another session", async () => {
    const c = suite.t.client();
    await c.signUp();
    const other = suite.t.client();
    await other.signUp();
    const res = await c.put("/api/settings", { planDaysPerWeek: 5 }, { "x-csrf-token": other.csrfToken! });
    expect(res.status).toBe(403);
    expect((await c.get("/api/settings")).body.planDaysPerWeek).toBeNull();
  });

  it("refuses a state-changing request from another site's origin", async () => {
    const c = suite.t.client();
    const res = await c.post(
      "/api/auth/sign-up",
      { email: "evil@example.org", password: "long enough pass", displayName: "E" },
      { origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
  });

  it("accepts a request from its own origin", async () => {
    const c = suite.t.client();
    const res = await c.post(
      "/api/auth/sign-up",
      { email: "own-origin@example.org", password: "long enough pass", displayName: "O" },
      { origin: "http://127.0.0.1", host: "127.0.0.1" },
    );
    expect(res.status).toBe(201);
  });
});

describe("expired sessions", () => {
  const suite = useTestApp("pglite");

  it("are removed from the database by the sweep, live ones kept", async () => {
    const old = suite.t.client();
    await old.signUp();
    suite.t.clock.advance(20 * 24 * 3600_000);
    const fresh = suite.t.client();
    await fresh.signUp();
    suite.t.clock.advance(11 * 24 * 3600_000);
    expect(await deleteExpiredSessions(suite.t.database.db, suite.t.clock.now())).toBe(1);
    expect((await fresh.get("/api/auth/me")).body.account).not.toBeNull();
    expect((await old.get("/api/auth/me")).body).toEqual({ account: null, csrfToken: null });
  });
});
