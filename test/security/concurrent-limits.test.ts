import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { RESET_GUESS_LIMIT } from "../../src/server/auth/password-reset.ts";
import { INVITE_MAILS } from "../../src/server/routes/invite-mail.ts";
import { EMAIL_CHECK_MAILS } from "../../src/server/routes/mail-settings.ts";
import { RESET_MAILS_PER_ADDRESS } from "../../src/server/routes/password-reset.ts";
import { PASSWORD_CHECK_LIMIT, SIGN_IN_LIMITS, SIGN_UP_LIMIT } from "../../src/server/auth/rate-limit.ts";
import { useTestApp } from "../support/backend-suite.ts";
import { BACKENDS } from "../support/backends.ts";

/** How many answers had each status, as "status x count" sorted, e.g. ["401 x 5", "429 x 20"]. */
function tally(statuses: number[]): string[] {
  const counts = new Map<number, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a - b).map(([s, n]) => `${s} x ${n}`);
}

// Each limit reserves its attempt before the slow check, so attempts sent at once cannot outrun it.
describe.each(BACKENDS)("rate limits under attempts sent at once on %s", (name) => {
  const suite = useTestApp(name);
  /** A fresh 15-minute window for every limit, so the tests do not share counts through the in-process address. */
  const freshWindow = () => suite.t.clock.advance(SIGN_IN_LIMITS.address.windowMs);

  it("lets 5 of 25 wrong sign-ins for one account sent at once reach the password check, and refuses the right one after", async () => {
    freshWindow();
    const { email } = await suite.t.client().signUp();
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => suite.t.client().post("/api/auth/sign-in", { email, password: `wrong guess ${i}` })),
    );
    expect(tally(answers.map((a) => a.status))).toEqual([
      `401 x ${SIGN_IN_LIMITS.account.attempts}`,
      `429 x ${25 - SIGN_IN_LIMITS.account.attempts}`,
    ]);
    expect((await suite.t.client().post("/api/auth/sign-in", { email, password: "correct horse battery" })).status).toBe(429);
  });

  it("lets 5 of 30 wrong current passwords sent at once with one session be checked, and keeps the password", async () => {
    freshWindow();
    const person = suite.t.client();
    const { email } = await person.signUp();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        person.post("/api/auth/password", { currentPassword: `guess ${i}`, newPassword: "taken over now" }),
      ),
    );
    expect(tally(answers.map((a) => a.status))).toEqual([
      `403 x ${PASSWORD_CHECK_LIMIT.attempts}`,
      `429 x ${30 - PASSWORD_CHECK_LIMIT.attempts}`,
    ]);
    expect(
      (await person.post("/api/auth/password", { currentPassword: "correct horse battery", newPassword: "taken over now" })).status,
    ).toBe(429);
    expect((await suite.t.client().post("/api/auth/sign-in", { email, password: "correct horse battery" })).status).toBe(200);
  });

  it("refuses 10 of 30 sign-ups with a taken email sent at once as taken, and the other 20 as too many", async () => {
    freshWindow();
    const { email } = await suite.t.client().signUp();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        suite.t.client().post("/api/auth/sign-up", { email, password: "correct horse battery", displayName: "Prober" }),
      ),
    );
    expect(tally(answers.map((a) => a.status))).toEqual([`409 x ${SIGN_UP_LIMIT.attempts}`, `429 x ${30 - SIGN_UP_LIMIT.attempts}`]);
  });

  it("looks up 20 of 30 guessed reset tokens sent at once from one address, and refuses the rest", async () => {
    freshWindow();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => suite.t.client().post("/api/auth/reset/check", { token: randomBytes(32).toString("base64url") })),
    );
    expect(tally(answers.map((a) => a.status))).toEqual([
      `404 x ${RESET_GUESS_LIMIT.attempts}`,
      `429 x ${30 - RESET_GUESS_LIMIT.attempts}`,
    ]);
  });

  /** Mails of a kind queued for one address: what the caps below count. */
  const queuedFor = async (kind: string, recipient: string) =>
    Number(
      (
        await suite.t.database.db
          .selectFrom("mail_queue")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("kind", "=", kind)
          .where("recipient", "=", recipient)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("queues 3 reset mails for one address of 10 requests for it sent at once from 10 client addresses, answering every request the same", async () => {
    const { email } = await suite.t.client().signUp();
    // Behind a proxy, so each request has its own client address and only the per-recipient cap is left to hold.
    suite.t.deps.trustedProxies = { kind: "one-hop" };
    try {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          suite.t.client().post("/api/auth/reset/request", { email }, { "x-forwarded-for": `203.0.113.${i + 1}` }),
        ),
      );
      expect(tally(answers.map((a) => a.status))).toEqual(["202 x 10"]);
    } finally {
      suite.t.deps.trustedProxies = undefined;
    }
    expect(await queuedFor("password-reset", email)).toBe(RESET_MAILS_PER_ADDRESS.mails);
  });

  it("queues 3 check mails for one address of 10 asked for at once, the sign-up's own among them, and refuses the rest", async () => {
    const person = suite.t.client();
    const { email } = await person.signUp();
    const answers = await Promise.all(Array.from({ length: 10 }, () => person.post("/api/mail/email-check")));
    expect(tally(answers.map((a) => a.status))).toEqual([`202 x ${EMAIL_CHECK_MAILS.mails - 1}`, `429 x ${11 - EMAIL_CHECK_MAILS.mails}`]);
    expect(await queuedFor("email-check", email)).toBe(EMAIL_CHECK_MAILS.mails);
  });

  it("mails 3 invites to one address of 10 a coach sends at once, and refuses the rest", async () => {
    const coach = suite.t.client();
    await coach.signUp({ role: "coach" });
    const email = `invited-${randomBytes(4).toString("hex")}@example.org`;
    const answers = await Promise.all(Array.from({ length: 10 }, () => coach.post("/api/invites/email", { email })));
    expect(tally(answers.map((a) => a.status))).toEqual([`202 x ${INVITE_MAILS.mails}`, `429 x ${10 - INVITE_MAILS.mails}`]);
    expect(await queuedFor("invite", email)).toBe(INVITE_MAILS.mails);
  });

  it("gives back the attempt of a right password and forgets the account's wrong ones, so a person who mistypes now and then is never limited", async () => {
    freshWindow();
    const { email } = await suite.t.client().signUp();
    const statuses: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < SIGN_IN_LIMITS.account.attempts - 1; i++)
        statuses.push((await suite.t.client().post("/api/auth/sign-in", { email, password: `typo ${i}` })).status);
      statuses.push((await suite.t.client().post("/api/auth/sign-in", { email, password: "correct horse battery" })).status);
    }
    expect(tally(statuses)).toEqual(["200 x 3", `401 x ${3 * (SIGN_IN_LIMITS.account.attempts - 1)}`]);
  });
});
