import { describe, expect, it } from "vitest";
import { ApiClient, overHttp } from "../test/support/api-client.ts";
import { useMailAppServer } from "./support/app-server.ts";
import { axeViolations } from "./support/axe.ts";
import { openApp, phone } from "./support/limber-app.ts";

const ANSWER =
  "If an account has this email, a link to set a new password is on its way; it works once, for 30 minutes. Nothing came? Check the spam folder, or ask the person who runs your Limber.";

describe("a forgotten password, reset by mail in Chromium over a real SMTP server", () => {
  const app = useMailAppServer("e2e-mail");

  it("mails a link that sets a new password and signs in; an unknown address gets the same answer and no mail; the link works once", async () => {
    const email = `rosa-${Date.now()}@example.org`;
    const oldDevice = new ApiClient(overHttp, app.server.url);
    await oldDevice.signUp({ email, password: "the password I forgot", displayName: "Rosa" });

    const { context, page } = await openApp(app.browser, `${app.server.url}/`, "account");
    await page.getByLabel("Email").fill("nobody-at-all@example.org");
    await page.getByText("Forgot your password?").click();
    await page.getByRole("button", { name: "Mail me a link" }).click();
    await page.getByText(ANSWER).waitFor();
    await app.server.mail.drain();
    const resets = () => app.sink.received.filter((m) => m.subject === "Set a new Limber password");
    expect(resets()).toEqual([]);

    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Mail me a link" }).click();
    await page.getByText(ANSWER).waitFor();
    await app.server.mail.drain();
    expect(resets().map((m) => m.to)).toEqual([email]);
    const link = new RegExp(`${app.server.url.replace(/[.:/]/g, "\\$&")}/#/reset/[A-Za-z0-9_-]{43}`).exec(resets()[0]!.text)![0];

    await page.goto(link);
    await page.getByRole("heading", { name: "For Rosa" }).waitFor();
    await page.locator(".reset-email", { hasText: email }).waitFor();
    await page.getByLabel(/^New password/).fill("remembered this time");
    await page.getByLabel("The same new password again").fill("remembered this time");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await page.getByRole("heading", { name: "Your new password is set" }).waitFor();
    expect((await oldDevice.get("/api/auth/me")).body.account).toBe(null);

    const elsewhere = await openApp(app.browser, `${app.server.url}/`, "account");
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
    const context = await app.browser.newContext({ viewport: phone, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/#/account`);
    await page.getByLabel("Email").fill("someone@example.org");
    await page.getByText("Forgot your password?").click();
    await page.getByRole("button", { name: "Mail me a link" }).click();
    await page.getByText(ANSWER).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe("mail settings on the Account page, in Chromium over a real SMTP server", () => {
  const app = useMailAppServer("e2e-mailset");

  it("reminds an unchecked account, checks it from the mailed link, and turns reminders on", async () => {
    const email = `ida-${Date.now()}@example.org`;
    const context = await app.browser.newContext({ viewport: phone, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/#/account`);
    await page.getByRole("button", { name: "I am new here" }).click();
    await page.getByLabel("Your name").fill("Ida");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel(/^Password/).fill("a long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText(`Please check your email: open the link we sent to ${email}.`, { exact: false }).waitFor();
    expect(await axeViolations(page), "account, email not checked").toEqual([]);

    await app.server.mail.drain();
    const check = app.sink.received.find((m) => m.subject === "Check your email for Limber" && m.to === email)!;
    const link = /http:\/\/127\.0\.0\.1:\d+\/#\/check-email\/[A-Za-z0-9_-]{43}/.exec(check.text)![0];
    await page.goto(link);
    await page.getByText(`Thank you: ${email} is checked.`, { exact: false }).waitFor();
    expect(page.url()).toBe(`${app.server.url}/#/check-email`);

    await page.goto(`${app.server.url}/#/account`);
    await page.getByText(`Your email ${email} is checked.`).waitFor();
    await page.getByLabel("Remind me by email on planned days").check();
    await page.getByLabel("At this time").fill("07:45");
    await page.getByRole("button", { name: "Save mail settings" }).click();
    await page.getByText("Saved. A reminder comes at 07:45 on your planned days, unless you have already practised.").waitFor();
    expect(await axeViolations(page), "account, reminders on").toEqual([]);
    await context.close();
  });
});
