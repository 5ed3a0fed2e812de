import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ApiClient, overHttp } from "../test/support/api-client.ts";
import { useAppServer } from "./support/app-server.ts";
import { openApp } from "./support/limber-app.ts";

const app = useAppServer("clean-console");
const routes = ["", "play", "history", "more", "exercises", "learn", "settings", "account", "import", "plan", "join", "coach", "editor"];

/** Visits every page in one tab and lists each console error or warning with the page it came from. */
async function consoleProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  let at = "";
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`#/${at}: ${m.type()}: ${m.text()}`);
  });
  for (const route of routes) {
    at = route;
    await page.goto(`${app.server.url}/#/${route}`);
    await page.locator("main h1").first().waitFor();
    await page.waitForLoadState("networkidle");
  }
  return problems;
}

describe("a clean console", () => {
  it("logs no error or warning on any page, signed out", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "");
    expect(await consoleProblems(page)).toEqual([]);
    await context.close();
  });

  it("logs no error or warning on any page, signed in", async () => {
    const api = new ApiClient(overHttp, app.server.url);
    await api.signUp({ displayName: "Robin" });
    const { context, page } = await openApp(app.browser, app.server.url, "", { sessionCookie: api.cookie! });
    expect(await consoleProblems(page)).toEqual([]);
    await context.close();
  });
});
