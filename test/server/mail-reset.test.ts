import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { manualClock } from "../../src/server/clock.ts";
import { RESET_REQUESTED } from "../../src/server/routes/password-reset.ts";
import { startServer } from "../../src/server/server.ts";
import { ApiClient, overHttp } from "../support/api-client.ts";
import { spawnServer } from "../support/server-process.ts";
import { useMailServer } from "../support/mail-server.ts";

const RESET_SUBJECT = "Set a new Limber password";
const tokenIn = (text: string) => /https:\/\/limber\.example\.org\/#\/reset\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

describe("password reset by mail, over a real SMTP server on 127.0.0.1", () => {
  const clock = manualClock("2026-12-01T10:00:00Z");
  // A trailing slash on PUBLIC_URL, as people write it, and a From of the practice's own.
  const limber = useMailServer("mail", clock, { PUBLIC_URL: "https://limber.example.org/", MAIL_FROM: "Limber <care@example.org>" });
  const anonymous = () => new ApiClient(overHttp, limber.server.url);
  const ask = (email: string) => anonymous().post("/api/auth/reset/request", { email });
  const queue = () =>
    limber.server.database.db.selectFrom("mail_queue").selectAll().where("kind", "=", "password-reset").orderBy("created_at").execute();
  /** Reset mails only: every sign-up also sends a mail to check the address. */
  const resetsTo = (email?: string) =>
    limber.sink.received.filter((m) => m.subject === RESET_SUBJECT && (email === undefined || m.to === email));

  it("mails a link to an account's address that sets a new password once and ends every session", async () => {
    const person = anonymous();
    const { email } = await person.signUp({ displayName: "Rosa Lind" });
    const asked = await ask(email.toUpperCase());
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ message: RESET_REQUESTED });
    await limber.server.mail.drain();

    expect(resetsTo()).toHaveLength(1);
    const mail = resetsTo()[0]!;
    expect(mail.to).toBe(email);
    expect(mail.subject).toBe("Set a new Limber password");
    expect(mail.headers.get("from")).toMatchObject({ text: '"Limber" <care@example.org>' });
    expect(mail.text).toContain("Hello Rosa Lind,");
    const token = tokenIn(mail.text)!;
    expect(mail.html).toContain(`href="https://limber.example.org/#/reset/${token}"`);

    const browser = anonymous();
    expect((await browser.post("/api/auth/reset", { token, newPassword: "a new one from the mail" })).status).toBe(200);
    expect((await person.get("/api/auth/me")).body.account).toBe(null);
    expect((await anonymous().post("/api/auth/reset", { token, newPassword: "and once more" })).status).toBe(410);
    expect((await anonymous().post("/api/auth/sign-in", { email, password: "a new one from the mail" })).status).toBe(200);
  });

  it("gives an address with no account the same answer and sends it nothing", async () => {
    const before = resetsTo().length;
    const asked = await ask("nobody-here@example.org");
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ message: RESET_REQUESTED });
    await limber.server.mail.drain();
    expect(resetsTo().length).toBe(before);
    const row = (await queue()).find((r) => r.recipient === "nobody-here@example.org")!;
    expect(row.outcome).toBe("skipped: no account has the email nobody-here@example.org");
  });

  it("queues at most 3 reset mails for one address in an hour, answering the same to every request", async () => {
    const { email } = await anonymous().signUp();
    for (let i = 0; i < 4; i++) expect((await ask(email)).body).toEqual({ message: RESET_REQUESTED });
    await limber.server.mail.drain();
    expect(resetsTo(email)).toHaveLength(3);
    clock.advance(61 * 60_000);
    await ask(email);
    await limber.server.mail.drain();
    expect(resetsTo(email)).toHaveLength(4);
  });

  it("refuses the 11th request from one client address in an hour with 429 and when to come back", async () => {
    clock.advance(61 * 60_000);
    for (let i = 0; i < 10; i++) expect((await ask(`someone-${i}@example.org`)).status).toBe(202);
    const refused = await ask("someone-else@example.org");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("3600");
    clock.advance(61 * 60_000);
    expect((await ask("someone-else@example.org")).status).toBe(202);
    await limber.server.mail.drain();
  });

  it("keeps a mail while the SMTP server is down and sends it once, after the backoff, when it is back", async () => {
    clock.advance(61 * 60_000);
    const { email, account } = await anonymous().signUp();
    await limber.sink.stop();
    expect((await ask(email)).status).toBe(202);
    await limber.server.mail.drain();
    const [waiting] = (await queue()).filter((r) => r.recipient === email);
    expect(waiting).toMatchObject({ attempts: 1, outcome: null, finished_at: null });
    expect(waiting!.last_error).toMatch(/ECONNREFUSED/);
    // The link made for the mail that failed was taken back: no working link exists that nobody got.
    expect(
      await limber.server.database.db.selectFrom("password_resets").select("token_hash").where("user_id", "=", account.id).execute(),
    ).toEqual([]);

    await limber.sink.start();
    await limber.server.mail.drain();
    expect(resetsTo(email)).toHaveLength(0);
    clock.advance(31_000);
    await limber.server.mail.drain();
    await limber.server.mail.drain();
    const got = resetsTo(email);
    expect(got).toHaveLength(1);
    expect((await anonymous().post("/api/auth/reset/check", { token: tokenIn(got[0]!.text) })).status).toBe(200);
  });

  it("sends a mail left in the queue by a stopped server from the next server on the same data, once", async () => {
    clock.advance(61 * 60_000);
    const { email } = await anonymous().signUp();
    await limber.sink.stop();
    await ask(email);
    await limber.server.mail.drain();
    await limber.restart(async () => {
      await limber.sink.start();
      clock.advance(31_000);
    });
    await limber.server.mail.drain();
    await limber.server.mail.drain();
    const got = resetsTo(email);
    expect(got).toHaveLength(1);
    expect((await queue()).filter((r) => r.recipient === email).map((r) => [r.outcome, r.attempts])).toEqual([["sent", 2]]);
  }, 60_000);
});

describe("mail with no SMTP server set up", () => {
  it("is written to the data folder's outbox as .eml files, each named in the log", async () => {
    const dir = await mkdtemp(join(tmpdir(), "limber-outbox-"));
    const lines: string[] = [];
    const server = await startServer({
      database: { kind: "pglite", dataDir: join(dir, "data") },
      host: "127.0.0.1",
      port: 0,
      mailEnv: {},
      log: (l) => lines.push(l),
    });
    try {
      expect(server.mailDelivery).toBe(`mail into ${join(dir, "data", "outbox")} (no SMTP_URL set)`);
      const { email } = await new ApiClient(overHttp, server.url).signUp();
      await new ApiClient(overHttp, server.url).post("/api/auth/reset/request", { email });
      await server.mail.drain();
      const [row] = await server.database.db
        .selectFrom("mail_queue")
        .select(["id", "outcome"])
        .where("kind", "=", "password-reset")
        .execute();
      const file = join(dir, "data", "outbox", `${row!.id}.eml`);
      expect(row!.outcome).toBe("sent");
      expect(lines).toContain(`limber: mail to ${email} ("Set a new Limber password") written to ${file}`);
      const eml = await readFile(file, "utf8");
      expect(eml).toContain(`To: ${email}`);
      expect(eml).toContain("Subject: Set a new Limber password");
      expect(eml).toContain(`${server.url}/#/reset/`);
      expect(existsSync(`${file}.part`)).toBe(false);
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("stops `limber serve` with a message naming SMTP_URL when it is not an smtp:// or smtps:// address", async () => {
    const dir = await mkdtemp(join(tmpdir(), "limber-badsmtp-"));
    try {
      const failed = await spawnServer(["--data", join(dir, "data")], { SMTP_URL: "http://mail.example.org" }).then(
        () => "started",
        (e: Error) => e.message,
      );
      expect(failed).toContain("server exited with 1 before listening");
      expect(failed).toContain("limber serve: SMTP_URL must start with smtp:// or smtps://, not http://;");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
