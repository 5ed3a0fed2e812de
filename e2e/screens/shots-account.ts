import type { Page } from "playwright-core";
import { newToken, tokenHash } from "../../src/server/auth/tokens.ts";
import { issuePasswordReset } from "../../src/server/auth/password-reset.ts";
import { loadLinkSigner } from "../../src/server/mail/link-signer.ts";
import { insertEmailCheck } from "../../src/server/store/email-checks.ts";
import { saveMailSettings } from "../../src/server/store/mail-settings.ts";
import { ApiClient, overHttp } from "../../test/support/api-client.ts";
import { signInAs } from "../support/coach-practice.ts";
import { defineShots, type ShotEnv } from "./shot.ts";

/** A new person signed in on this page, their address checked or not, with reminders as given. */
async function signedIn(page: Page, env: ShotEnv, o: { checked: boolean; reminderTime?: string }) {
  const api = new ApiClient(overHttp, env.baseUrl.replace(/\/$/, ""));
  const { email, account } = await api.signUp({ displayName: "Walter" });
  if (o.checked) await saveMailSettings(env.server.database.db, account.id, { checked_email: email }, new Date());
  if (o.reminderTime) await api.put("/api/mail", { reminderTime: o.reminderTime, timeZone: "Europe/Berlin", weeklySummary: false });
  await signInAs(page.context(), env.baseUrl, api);
  await page.reload();
  await page.getByRole("heading", { name: "Mail from Limber" }).waitFor();
  return { email, id: account.id };
}

/** Mail on the Account page, and the pages the links in mail open. */
export const shotGroup = defineShots({
  area: "account",
  shots: [
    {
      name: "forgot-password",
      route: "account",
      show: async (page) => {
        await page.getByLabel("Email").fill("walter@example.org");
        await page.getByText("Forgot your password?").click();
        await page.getByRole("button", { name: "Mail me a link" }).click();
        await page.getByText(/^If an account has this email/).waitFor();
      },
    },
    { name: "mail-unchecked", route: "account", show: async (page, { env }) => void (await signedIn(page, env, { checked: false })) },
    {
      name: "mail-reminders",
      route: "account",
      show: async (page, { env }) => void (await signedIn(page, env, { checked: true, reminderTime: "08:30" })),
    },
    {
      name: "reset-new-password",
      route: "account",
      show: async (page, { env }) => {
        // An address as a person has one (the shot is taken at each size and theme: the account is made the first time).
        const email = "walter.hughes@example.org";
        const made = await new ApiClient(overHttp, env.baseUrl.replace(/\/$/, "")).post("/api/auth/sign-up", {
          email,
          password: "correct horse battery",
          displayName: "Walter",
          role: "client",
        });
        if (made.status !== 201 && made.status !== 409) throw new Error(`sign-up failed: ${made.status} ${made.text}`);
        const issued = await issuePasswordReset(env.server.database.db, email, new Date());
        if (!issued.ok) throw new Error(issued.problem);
        await page.goto(`${env.baseUrl}#/reset/${issued.token}`);
        await page.getByText(/^This link works once, until/).waitFor();
      },
    },
    {
      name: "check-email-done",
      route: "account",
      show: async (page, { env }) => {
        const { email, id } = await signedIn(page, env, { checked: false });
        const token = newToken();
        await insertEmailCheck(env.server.database.db, { tokenHash: tokenHash(token), userId: id, email }, new Date());
        await page.goto(`${env.baseUrl}#/check-email/${token}`);
        await page.getByText(/^Thank you:/).waitFor();
      },
    },
    {
      name: "unsubscribe-done",
      route: "account",
      show: async (page, { env }) => {
        const { id } = await signedIn(page, env, { checked: true, reminderTime: "08:30" });
        const token = (await loadLinkSigner(env.server.database.db, new Date())).sign("reminders", id);
        await page.goto(`${env.baseUrl}#/unsubscribe/${token}`);
        await page.getByText(/^Done: Limber sends you no more reminders/).waitFor();
      },
    },
  ],
});
