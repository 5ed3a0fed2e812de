import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startServer, type RunningServer } from "../src/server/server.ts";
import { ApiClient, overHttp } from "../test/support/api-client.ts";
import { startSmtpSink, type SmtpSink } from "../test/support/smtp-sink.ts";
import { axeViolations } from "./support/axe.ts";
import { launchBrowser } from "./support/browser.ts";
import { openApp, phone } from "./support/limber-app.ts";

const ANSWER =
  "If an account has this email, a link to set a new password is on its way; it works once, for 30 minutes. Nothing came? Check the spam folder, or ask the person who runs your Limber.";

describe("a forgotten password, reset by mail in Chromium over a real SMTP server", () => {
  let dir: string;
  let sink: SmtpSink;
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "limber-e2e-mail-"));
    sink = await startSmtpSink();
    server = await startServer({
      database: { kind: "pglite", dataDir: join(dir, "data") },
      host: "127.0.0.1",
      port: 0,
      webDir: inject("webDist"),
      mailEnv: { SMTP_URL: sink.url },
      log: () => undefined,
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await sink?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("mails a link that sets a new password and signs in; an unknown address gets the same answer and no mail; the link works once", async () => {
    const email = `rosa-${Date.now()}@example.org`;
    const oldDevice = new ApiClient(overHttp, server.url);
    await oldDevice.signUp({ email, password: "the password I forgot", displayName: "Rosa" });

    const { context, page } = await openApp(browser, `${server.url}/`, "account");
    await page.getByLabel("Email").fill("nobody-at-all@example.org");
    await page.getByText("Forgot your password?").click();
    await page.getByRole("button", { name: "Mail me a link" }).click();
    await page.getByText(ANSWER).waitFor();
    await server.mail.drain();
    expect(sink.received).toEqual([]);

    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Mail me a link" }).click();
    await page.getByText(ANSWER).waitFor();
    await server.mail.drain();
    expect(sink.received.map((m) => [m.to, m.subject])).toEqual([[email, "Set a new Limber password"]]);
    const link = new RegExp(`${server.url.replace(/[.:/]/g, "\\$&")}/#/reset/[A-Za-z0-9_-]{43}`).exec(sink.received[0]!.text)![0];

    await page.goto(link);
    await page.getByRole("heading", { name: `For Rosa (${email})` }).waitFor();
    await page.getByLabel(/^New password/).fill("remembered this time");
    await page.getByLabel("The same new password again").fill("remembered this time");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await page.getByRole("heading", { name: "Your new password is set" }).waitFor();
    expect((await oldDevice.get("/api/auth/me")).status).toBe(401);

    const elsewhere = await openApp(browser, `${server.url}/`, "account");
    await elsewhere.page.getByLabel("Email").fill(email);
    await elsewhere.page.getByLabel("Password").fill("remembered this time");
    await elsewhere.page.getByRole("button", { name: "Sign in" }).click();
    await elsewhere.page.getByRole("heading", { name: "Signed in as Rosa" }).waitFor();
    await elsewhere.page.goto(link);
    expect(await elsewhere.page.getByRole("alert").textContent()).toMatch(/^This reset link was already used/);
    await elsewhere.context.close();
    await context.close();
  });

  it("meets WCAG 2.2 AA with the link asked for", async () => {
    const context = await browser.newContext({ viewport: phone, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/#/account`);
    await page.getByLabel("Email").fill("someone@example.org");
    await page.getByText("Forgot your password?").click();
    await page.getByRole("button", { name: "Mail me a link" }).click();
    await page.getByText(ANSWER).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
