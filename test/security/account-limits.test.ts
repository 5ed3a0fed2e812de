import { describe, expect, it } from "vitest";
import { PASSWORD_CHECK_LIMIT, SIGN_UP_LIMIT } from "../../src/server/auth/rate-limit.ts";
import { useTestApp } from "../support/backend-suite.ts";

describe("limits on sign-up and on current-password checks", () => {
  const suite = useTestApp("pglite");

  it("slows an address that keeps signing up with emails that have accounts, without limiting new accounts before that", async () => {
    const { email } = await suite.t.client().signUp();
    // New accounts from one address (a clinic's wifi) are not limited by themselves.
    for (let i = 0; i < SIGN_UP_LIMIT.attempts + 5; i++) await suite.t.client().signUp();
    for (let i = 0; i < SIGN_UP_LIMIT.attempts; i++) {
      const taken = await suite.t.client().post("/api/auth/sign-up", { email, password: "correct horse battery", displayName: "Prober" });
      expect(taken.status).toBe(409);
    }
    const limited = await suite.t
      .client()
      .post("/api/auth/sign-up", { email: "fresh-address@example.org", password: "correct horse battery", displayName: "Next" });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe(
      "Too many sign-ups came from here with emails that already have accounts. Wait an hour, or sign in instead.",
    );
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    suite.t.clock.advance(SIGN_UP_LIMIT.windowMs);
    expect(
      (
        await suite.t
          .client()
          .post("/api/auth/sign-up", { email: "fresh-address@example.org", password: "correct horse battery", displayName: "Next" })
      ).status,
    ).toBe(201);
  });

  it("locks password change and account deletion after 5 wrong current passwords, right one included, and keeps the account", async () => {
    const person = suite.t.client();
    const { email } = await person.signUp();
    for (let i = 0; i < PASSWORD_CHECK_LIMIT.attempts; i++) {
      const wrong =
        i % 2 === 0
          ? await person.post("/api/auth/password", { currentPassword: `guess number ${i}`, newPassword: "taken over now" })
          : await person.delete("/api/account", { password: `guess number ${i}` });
      expect(wrong.status).toBe(403);
    }
    const right = await person.delete("/api/account", { password: "correct horse battery" });
    expect(right.status).toBe(429);
    expect(
      (await person.post("/api/auth/password", { currentPassword: "correct horse battery", newPassword: "taken over now" })).status,
    ).toBe(429);
    expect((await person.get("/api/auth/me")).body.account.email).toBe(email);
    // Another account is not affected by this one's lock.
    const other = suite.t.client();
    await other.signUp();
    expect(
      (await other.post("/api/auth/password", { currentPassword: "correct horse battery", newPassword: "a changed password" })).status,
    ).toBe(200);
    suite.t.clock.advance(PASSWORD_CHECK_LIMIT.windowMs);
    expect(
      (await person.post("/api/auth/password", { currentPassword: "correct horse battery", newPassword: "changed by the owner" })).status,
    ).toBe(200);
  });
});
