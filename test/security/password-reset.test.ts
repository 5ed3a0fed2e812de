import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { issuePasswordReset, RESET_GUESS_LIMIT, RESET_ISSUE_LIMIT, RESET_LIFETIME_MS } from "../../src/server/auth/password-reset.ts";
import type { ApiClient } from "../support/api-client.ts";
import { sessionLog } from "../support/api-client.ts";
import { useTestApp } from "../support/backend-suite.ts";
import { BACKENDS } from "../support/backends.ts";

const OLD = "correct horse battery";

describe.each(BACKENDS)("password reset links on %s", (name) => {
  const suite = useTestApp(name);

  /** A person with a saved session on two devices, and a fresh reset token issued for them. */
  async function personWithLink() {
    const phone = suite.t.client();
    const { email, account } = await phone.signUp();
    const laptop = suite.t.client();
    expect((await laptop.post("/api/auth/sign-in", { email, password: OLD })).status).toBe(200);
    const log = sessionLog({ notes: "kept through the reset" });
    expect((await phone.post("/api/logs", log)).status).toBe(201);
    const issued = await issuePasswordReset(suite.t.database.db, email, suite.t.clock.now());
    if (!issued.ok) throw new Error(issued.problem);
    return { email, account, phone, laptop, log, token: issued.token };
  }

  const signIn = (email: string, password: string) => suite.t.client().post("/api/auth/sign-in", { email, password });

  it("stores only the token's SHA-256, and the token carries 256 random bits", async () => {
    const { token } = await personWithLink();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const dump = JSON.stringify((await sql.raw("select * from password_resets").execute(suite.t.database.db)).rows);
    expect(dump).not.toContain(token);
  });

  it("sets the password once: the old one stops working, every session of the account ends, the data stays", async () => {
    const { email, phone, laptop, log, token } = await personWithLink();
    const check = await suite.t.client().post("/api/auth/reset/check", { token });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ email, displayName: "Test User" });
    expect(new Date(check.body.expiresAt).getTime() - suite.t.clock.now().getTime()).toBe(RESET_LIFETIME_MS);

    const browser = suite.t.client();
    const used = await browser.post("/api/auth/reset", { token, newPassword: "a new and longer password" });
    expect(used.status).toBe(200);
    expect(used.body.account.email).toBe(email);
    // The browser that used the link is signed in with a session of its own.
    expect((await browser.get("/api/auth/me")).body.account).not.toBeNull();
    expect((await browser.get(`/api/logs/${log.id}`)).body.notes).toBe("kept through the reset");
    // Devices signed in before the reset are signed out: whoever knew the old password is locked out.
    expect((await phone.get("/api/auth/me")).body).toEqual({ account: null, csrfToken: null });
    expect((await laptop.get("/api/auth/me")).body).toEqual({ account: null, csrfToken: null });
    expect((await signIn(email, OLD)).status).toBe(401);
    expect((await signIn(email, "a new and longer password")).status).toBe(200);
  });

  it("refuses a used link, again and again, without changing the password", async () => {
    const { email, token } = await personWithLink();
    expect((await suite.t.client().post("/api/auth/reset", { token, newPassword: "the first new password" })).status).toBe(200);
    for (const path of ["/api/auth/reset", "/api/auth/reset/check"]) {
      const again = await suite.t.client().post(path, { token, newPassword: "an attacker's password" });
      expect(again.status).toBe(410);
      expect(again.body.error).toMatch(/already used/);
    }
    expect((await signIn(email, "an attacker's password")).status).toBe(401);
    expect((await signIn(email, "the first new password")).status).toBe(200);
  });

  it("lets only one of two simultaneous uses of a link win", async () => {
    const { email, token } = await personWithLink();
    const [a, b] = await Promise.all([
      suite.t.client().post("/api/auth/reset", { token, newPassword: "password number one" }),
      suite.t.client().post("/api/auth/reset", { token, newPassword: "password number two" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 410]);
    const winner = a.status === 200 ? "password number one" : "password number two";
    const loser = a.status === 200 ? "password number two" : "password number one";
    expect((await signIn(email, winner)).status).toBe(200);
    expect((await signIn(email, loser)).status).toBe(401);
  });

  it("refuses a link after 30 minutes by the server's clock", async () => {
    const { email, token } = await personWithLink();
    suite.t.clock.advance(RESET_LIFETIME_MS - 1000);
    expect((await suite.t.client().post("/api/auth/reset/check", { token })).status).toBe(200);
    suite.t.clock.advance(1000);
    const late = await suite.t.client().post("/api/auth/reset", { token, newPassword: "too late for this one" });
    expect(late.status).toBe(410);
    expect(late.body.error).toMatch(/expired/);
    expect((await signIn(email, OLD)).status).toBe(200);
  });

  it("ends an account's earlier link when a new one is issued", async () => {
    const { email, token: first } = await personWithLink();
    const second = await issuePasswordReset(suite.t.database.db, email, suite.t.clock.now());
    if (!second.ok) throw new Error(second.problem);
    expect((await suite.t.client().post("/api/auth/reset", { token: first, newPassword: "from the older link" })).status).toBe(410);
    expect((await suite.t.client().post("/api/auth/reset", { token: second.token, newPassword: "from the newer link" })).status).toBe(200);
  });

  it("issues at most 5 links an hour per account, and none for an unknown email", async () => {
    const { email } = await personWithLink();
    const db = suite.t.database.db;
    for (let i = 1; i < RESET_ISSUE_LIMIT.links; i++) expect((await issuePasswordReset(db, email, suite.t.clock.now())).ok).toBe(true);
    const sixth = await issuePasswordReset(db, email, suite.t.clock.now());
    expect(sixth).toEqual({ ok: false, problem: expect.stringMatching(/reset links in the last hour/) });
    suite.t.clock.advance(RESET_ISSUE_LIMIT.windowMs);
    expect((await issuePasswordReset(db, email, suite.t.clock.now())).ok).toBe(true);
    expect(await issuePasswordReset(db, "nobody-here@example.org", suite.t.clock.now())).toEqual({
      ok: false,
      problem: "no account has the email nobody-here@example.org",
    });
  });

  it("issues 5 of 12 links asked for one account at once (two servers sending mail, and the operator)", async () => {
    const { email, account } = await personWithLink();
    suite.t.clock.advance(RESET_ISSUE_LIMIT.windowMs);
    const issued = await Promise.all(Array.from({ length: 12 }, () => issuePasswordReset(suite.t.database.db, email, suite.t.clock.now())));
    expect(issued.filter((r) => r.ok)).toHaveLength(RESET_ISSUE_LIMIT.links);
    const since = new Date(suite.t.clock.now().getTime() - 1);
    const stored = await suite.t.database.db
      .selectFrom("password_resets")
      .select("token_hash")
      .where("user_id", "=", account.id)
      .where("created_at", ">", since)
      .execute();
    expect(stored).toHaveLength(RESET_ISSUE_LIMIT.links);
  });

  it("answers guessed and near-miss tokens the same 404 and slows a guesser down with 429", async () => {
    suite.t.clock.advance(RESET_GUESS_LIMIT.windowMs); // a clean window for this address
    const { email, token } = await personWithLink();
    const guesses = [
      ...Array.from({ length: RESET_GUESS_LIMIT.attempts - 3 }, () => randomBytes(32).toString("base64url")),
      token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"),
      token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(),
      token.slice(1),
    ];
    const answers = new Set<string>();
    for (const g of guesses) {
      const res = await suite.t.client().post("/api/auth/reset", { token: g, newPassword: "a guesser's password" });
      answers.add(`${res.status} ${res.body.error}`);
    }
    expect([...answers]).toEqual(["404 This reset link is not valid. Make sure the whole link was copied, or ask for a new one."]);
    // The address has used up its wrong guesses: even the right token waits, and nothing changed.
    const limited = await suite.t.client().post("/api/auth/reset", { token, newPassword: "a guesser's password" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await signIn(email, OLD)).status).toBe(200);
    // Once the window has passed (15 minutes, inside the link's 30), the owner's link works.
    suite.t.clock.advance(RESET_GUESS_LIMIT.windowMs);
    expect((await suite.t.client().post("/api/auth/reset", { token, newPassword: "the owner's new password" })).status).toBe(200);
  });

  it("names what is wrong with a malformed request and keeps the password", async () => {
    const { email, token } = await personWithLink();
    const short = await suite.t.client().post("/api/auth/reset", { token, newPassword: "short" });
    expect(short.status).toBe(400);
    expect(short.body.problems).toEqual([{ path: "newPassword", message: "Use at least 10 characters for your password." }]);
    const odd = await suite.t.client().post("/api/auth/reset/check", { token: "<script>alert(1)</script>xxxxxxxx" });
    expect(odd.status).toBe(400);
    expect(odd.body.problems[0].path).toBe("token");
    expect((await signIn(email, OLD)).status).toBe(200);
    // The token is still good after the bad requests.
    expect((await suite.t.client().post("/api/auth/reset/check", { token })).status).toBe(200);
  });

  it("goes with the account when the account is deleted", async () => {
    const { phone, token, account } = await personWithLink();
    expect((await phone.delete("/api/account", { password: OLD })).status).toBe(204);
    const rows = await suite.t.database.db.selectFrom("password_resets").select("token_hash").where("user_id", "=", account.id).execute();
    expect(rows).toEqual([]);
    expect((await suite.t.client().post("/api/auth/reset", { token, newPassword: "for a deleted account" })).status).toBe(404);
  });
});

describe("a reset link used while signed in as someone else", () => {
  const suite = useTestApp("pglite");
  let other: ApiClient;

  beforeAll(async () => {
    other = suite.t.client();
    await other.signUp();
  });

  it("needs that session's CSRF token, then replaces that session with the reset account's", async () => {
    const { email } = await suite.t.client().signUp();
    const issued = await issuePasswordReset(suite.t.database.db, email, suite.t.clock.now());
    if (!issued.ok) throw new Error(issued.problem);
    const forged = await other.post(
      "/api/auth/reset",
      { token: issued.token, newPassword: "set by a forged form" },
      { "x-csrf-token": "anonymous" },
    );
    expect(forged.status).toBe(403);
    const previousCookie = other.cookie;
    const used = await other.post("/api/auth/reset", { token: issued.token, newPassword: "set by the owner" });
    expect(used.status).toBe(200);
    expect(used.body.account.email).toBe(email);
    expect(other.cookie).not.toBe(previousCookie);
    expect((await other.get("/api/auth/me")).body.account.email).toBe(email);
  });
});
