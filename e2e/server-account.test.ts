import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { issuePasswordReset } from "../src/server/auth/password-reset.ts";
import { ApiClient, overHttp, sessionLog } from "../test/support/api-client.ts";
import { useAppServer } from "./support/app-server.ts";
import { axeViolations } from "./support/axe.ts";
import { openApp, phone, signInOnAccountPage } from "./support/limber-app.ts";

const app = useAppServer("e2e-account");

describe("the account page", () => {
  it("downloads the user's data, changes the password and deletes the account with everything in it", async () => {
    const email = `account-${Date.now()}@example.org`;
    const api = new ApiClient(overHttp, app.server.url);
    await api.signUp({ email, password: "first password here", displayName: "Ines" });
    const log = sessionLog({ notes: "left calf tight" });
    await api.post("/api/logs", log);

    const { context, page } = await openApp(app.browser, `${app.server.url}/`, "account");
    await signInOnAccountPage(page, email, "first password here", "Ines");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download all my data (JSON)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("limber-export.json");
    const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
    expect(exported.account.email).toBe(email);
    expect(exported.sessionLogs.map((l: { id: string; notes: string }) => [l.id, l.notes])).toEqual([[log.id, "left calf tight"]]);

    await page.getByLabel("Current password").fill("first password here");
    await page.getByLabel(/^New password/).fill("second password here");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Password changed.").waitFor();
    expect((await api.get("/api/auth/me")).body).toEqual({ account: null, csrfToken: null });

    page.once("dialog", (d) => void d.accept());
    await page.locator("#delete-password").fill("second password here");
    await page.getByRole("button", { name: "Delete my account and data" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    const again = new ApiClient(overHttp, app.server.url);
    expect((await again.post("/api/auth/sign-in", { email, password: "second password here" })).status).toBe(401);
    await context.close();
  });

  it("shows a clear message for a wrong password and a short new one", async () => {
    const { context, page } = await openApp(app.browser, `${app.server.url}/`, "account");
    await page.getByLabel("Email").fill("nobody@example.org");
    await page.getByLabel("Password").fill("whatever it is");
    await page.getByRole("button", { name: "Sign in" }).click();
    expect(await page.getByRole("alert").textContent()).toBe("That email and password do not match an account. Check both and try again.");
    await page.getByRole("button", { name: "I am new here" }).click();
    await page.getByLabel("Your name").fill("Short");
    await page.getByLabel("Email").fill(`short-${Date.now()}@example.org`);
    await page.getByLabel(/^Password/).fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    // The browser's own check lets it through (no minlength), so the server's 400 is what the person reads.
    expect(await page.getByRole("alert").textContent()).toBe("Use at least 10 characters for your password.");
    await context.close();
  });

  it("sets a forgotten password from the operator's one-time link, signs in, and refuses the link after", async () => {
    const email = `forgot-${Date.now()}@example.org`;
    const phoneApi = new ApiClient(overHttp, app.server.url);
    await phoneApi.signUp({ email, password: "the password I forgot", displayName: "Rosa" });
    const issued = await issuePasswordReset(app.server.database.db, email, new Date());
    if (!issued.ok) throw new Error(issued.problem);

    const { context, page } = await openApp(app.browser, `${app.server.url}/`, "account");
    await page.getByText("Forgot your password?").click();
    await page.getByText(/We can mail you a link to choose a new password/).waitFor();
    await page.goto(`${app.server.url}/#/reset/${issued.token}`);
    await page.getByRole("heading", { name: "For Rosa" }).waitFor();
    await page.locator(".reset-email", { hasText: email }).waitFor();

    await page.getByLabel(/^New password/).fill("a brand new password");
    await page.getByLabel("The same new password again").fill("a brand new passwrod");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    expect(await page.getByRole("alert").textContent()).toMatch(/not the same/);
    await page.getByLabel("The same new password again").fill("a brand new password");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await page.getByRole("heading", { name: "Your new password is set" }).waitFor();
    // The spent token is gone from the address bar; the old device is signed out.
    expect(page.url()).not.toContain(issued.token);
    expect((await phoneApi.get("/api/auth/me")).body).toEqual({ account: null, csrfToken: null });
    await page.goto(`${app.server.url}/#/account`);
    await page.getByRole("heading", { name: "Signed in as Rosa" }).waitFor();

    const other = await app.browser.newContext();
    const again = await other.newPage();
    await again.goto(`${app.server.url}/#/reset/${issued.token}`);
    expect(await again.getByRole("alert").textContent()).toBe(
      'This reset link was already used. Ask for a new one if you still cannot sign in. A new link is asked for under "Forgot your password?" on the Account page, or from the person who runs your Limber.',
    );
    await other.close();
    await context.close();
  });

  it("meets WCAG 2.2 AA on the Account, History and reset pages, signed out and signed in with history", async () => {
    const email = `axe-${Date.now()}@example.org`;
    const api = new ApiClient(overHttp, app.server.url);
    await api.signUp({ email, password: "accessible password", displayName: "Ada" });
    const today = new Date();
    for (const [back, after] of [
      [9, 5],
      [5, 4],
      [1, 3],
    ] as const) {
      const day = new Date(today.getTime() - back * 86_400_000).toISOString().slice(0, 10);
      await api.post(
        "/api/logs",
        sessionLog({ startedAt: `${day}T12:00:00Z`, endedAt: `${day}T12:10:00Z`, painBefore: 6, painAfter: after }),
      );
    }
    // Axe is injected as an inline script, which the server's CSP rightly blocks; only this test bypasses it.
    const context = await app.browser.newContext({ viewport: phone, bypassCSP: true });
    const page = await context.newPage();
    for (const route of ["account", "history"]) {
      await page.goto(`${app.server.url}/#/${route}`);
      await page.locator("main h1").first().waitFor();
      expect(await axeViolations(page), `${route}, signed out`).toEqual([]);
    }
    const reset = await issuePasswordReset(app.server.database.db, email, new Date());
    if (!reset.ok) throw new Error(reset.problem);
    await page.goto(`${app.server.url}/#/reset/${reset.token}`);
    await page.getByRole("button", { name: "Set password and sign in" }).waitFor();
    expect(await axeViolations(page), "new password from a reset link").toEqual([]);
    await page.goto(`${app.server.url}/#/account`);
    await signInOnAccountPage(page, email, "accessible password", "Ada");
    expect(await axeViolations(page), "account, signed in").toEqual([]);
    await page.getByRole("navigation").getByRole("link", { name: "History" }).click();
    await page.locator(".pain-chart .uplot canvas").waitFor();
    expect(await axeViolations(page), "history, signed in").toEqual([]);
    await context.close();
  });
});
