import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../content/index.ts";
import { compileTimeline } from "../src/core/timeline.ts";
import { ApiClient, overHttp, sessionLog } from "../test/support/api-client.ts";
import { axeViolations } from "./support/axe.ts";
import { useAppServer } from "./support/app-server.ts";
import { openApp, readStore } from "./support/limber-app.ts";

const timeline = compileTimeline(builtInProgram(defaultProgramId)!, null);
// Wednesday 25 November 2026, mid-morning in the browser (UTC).
const morning = new Date("2026-11-25T09:00:00Z");
const app = useAppServer("history");

async function playWhole(page: Page, painBefore: number, painAfter: number) {
  await page.goto(`${app.server.url}/#/play`);
  await page.getByRole("button", { name: String(painBefore), exact: true }).click();
  await page.locator("section.player").waitFor();
  // Long enough for a session with the holds the account's progress has lengthened.
  await page.clock.runFor(2 * timeline.totalSeconds * 1000);
  await page.getByRole("button", { name: String(painAfter), exact: true }).click();
  await page.getByRole("heading", { name: "Session complete" }).waitFor();
}

const openHistory = (page: Page) => page.getByRole("navigation").getByRole("link", { name: "History" }).click();

describe("History, from the sessions on this phone and in the account", () => {
  it("signed out: says what is still needed when empty, then shows the first session the moment it is saved, and offers a plan", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "history", { fakeClockAt: morning, forAxe: true });
    await page.getByRole("heading", { name: "No sessions yet" }).waitFor();
    expect(await page.getByText("These are the sessions kept on this phone.").count()).toBe(1);
    expect(await page.getByText("No pain scores yet. Rate your pain before and after a session").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await playWhole(page, 5, 3);
    await openHistory(page);
    await page.getByRole("heading", { name: "How it is going" }).waitFor();
    expect(await page.getByTestId("history-sessions").textContent()).toBe("1");
    expect(await page.getByTestId("history-streak").textContent()).toBe("1 day");
    expect(await page.locator('.calendar li[data-practised="yes"]').count()).toBe(1);
    expect(await page.locator('.calendar li[data-today="yes"]').getAttribute("data-practised")).toBe("yes");
    // Weekday names above the grid, and the month where the four weeks begin.
    expect(await page.locator(".calendar-head span").allTextContents()).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
    expect(await page.locator(".calendar li").first().textContent()).toContain("Oct");
    expect(await page.getByText("One rated session so far. Rate your pain at one more session to see a chart here.").count()).toBe(1);

    // No plan is shown as theirs until they choose one; then it is kept from today, not over 12 weeks.
    expect(await page.getByTestId("plan-kept").count()).toBe(0);
    await page.getByRole("group", { name: "Choose how often you want to practise" }).getByRole("button", { name: "3 days a week" }).click();
    expect(await page.getByText("Your plan: 3 days a week.").count()).toBe(1);
    expect(await page.getByText("Plan kept since 25 November").count()).toBe(1);
    expect(await page.getByTestId("plan-kept").textContent()).toBe("100%");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("writes dates in the browser's English, and in British English when the browser's language is not English", async () => {
    // The four weeks shown run from Monday 26 October to today, Wednesday 25 November.
    for (const [locale, range, firstDay] of [
      ["en-US", "October 26 to November 25", "Monday, October 26: no session"],
      ["de-DE", "26 October to 25 November", "Monday 26 October: no session"],
    ] as const) {
      const { context, page } = await openApp(app.browser, app.server.url, "history", { fakeClockAt: morning, locale });
      await page.getByRole("heading", { name: "No sessions yet" }).waitFor();
      expect(await page.locator(".calendar-range").textContent()).toBe(range);
      expect(await page.locator(".calendar li .sr-only").first().textContent()).toBe(firstDay);
      await context.close();
    }
  });

  it("signed in: the account's sessions and this phone's, each once, and a new one at once without a reload", async () => {
    const api = new ApiClient(overHttp, app.server.url);
    await api.signUp({ displayName: "Walter" });
    // A session from another device, yesterday.
    const other = sessionLog({ startedAt: "2026-11-24T09:00:00Z", endedAt: "2026-11-24T09:15:00Z", painBefore: 6, painAfter: 5 });
    expect((await api.post("/api/logs", other)).status).toBe(201);
    const { context, page } = await openApp(app.browser, app.server.url, "history", { fakeClockAt: morning, sessionCookie: api.cookie! });
    await expect.poll(() => page.getByTestId("history-sessions").textContent()).toBe("1");

    await playWhole(page, 5, 3);
    await page.getByTestId("delivery").getByText("Sent to your account.").waitFor();
    await openHistory(page);
    // This phone's session is on the server too now; it is counted once.
    await expect.poll(() => page.getByTestId("history-sessions").textContent()).toBe("2");
    expect(await page.getByTestId("history-streak").textContent()).toBe("2 days");
    expect((await api.get("/api/logs")).body.logs).toHaveLength(2);
    expect((await readStore<{ syncState: string }>(page, "sessions")).map((s) => s.syncState)).toEqual(["synced"]);
    expect(await page.getByTestId("pain-summary").textContent()).toBe("Pain after sessions fell from 5 to 3 over one day.");
    await context.close();
  }, 90_000);

  it("signed in: a plan chosen on another device is shown as theirs, and an account without one is offered a choice that it keeps", async () => {
    const chose = new ApiClient(overHttp, app.server.url);
    await chose.signUp({ displayName: "Mary" });
    await chose.put("/api/settings", { planDaysPerWeek: 4, since: "2026-11-23" });
    const first = await openApp(app.browser, app.server.url, "history", { fakeClockAt: morning, sessionCookie: chose.cookie! });
    await first.page.getByText("Your plan: 4 days a week.").waitFor();
    expect(await first.page.getByRole("group", { name: "Choose how often you want to practise" }).count()).toBe(0);
    await first.context.close();

    const fresh = new ApiClient(overHttp, app.server.url);
    await fresh.signUp({ displayName: "Ann" });
    const { context, page } = await openApp(app.browser, app.server.url, "history", { fakeClockAt: morning, sessionCookie: fresh.cookie! });
    const offer = page.getByRole("group", { name: "Choose how often you want to practise" });
    await offer.waitFor();
    expect(await page.getByText(/^Your plan:/).count()).toBe(0);
    await offer.getByRole("button", { name: "2 days a week" }).click();
    await expect.poll(async () => (await fresh.get("/api/settings")).body).toEqual({ planDaysPerWeek: 2, planSince: "2026-11-25" });
    await context.close();
  }, 90_000);

  it("a plan chosen on this phone before signing in is given to the account at the next sync", async () => {
    const api = new ApiClient(overHttp, app.server.url);
    await api.signUp({ displayName: "Joan" });
    const { context, page } = await openApp(app.browser, app.server.url, "history", { fakeClockAt: morning });
    await page.getByRole("group", { name: "Choose how often you want to practise" }).getByRole("button", { name: "4 days a week" }).click();
    await page.getByText("Your plan: 4 days a week.").waitFor();
    expect((await api.get("/api/settings")).body).toEqual({ planDaysPerWeek: null, planSince: null });
    const [name, value] = api.cookie!.split("=") as [string, string];
    await context.addCookies([{ name, value, url: app.server.url }]);
    await page.reload();
    await expect.poll(async () => (await api.get("/api/settings")).body).toEqual({ planDaysPerWeek: 4, planSince: "2026-11-25" });
    await context.close();
  }, 90_000);
});
