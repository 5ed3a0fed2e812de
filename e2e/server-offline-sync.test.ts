import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../content/index.ts";
import { compileTimeline } from "../src/core/timeline.ts";
import { ApiClient, overHttp, sessionLog } from "../test/support/api-client.ts";
import { useAppServer } from "./support/app-server.ts";
import { openApp, readStore, signInOnAccountPage } from "./support/limber-app.ts";

const timeline = compileTimeline(builtInProgram(defaultProgramId)!, null);
const password = "stretch every morning";

const app = useAppServer("e2e-server");

async function serverLogs(email: string) {
  const c = new ApiClient(overHttp, app.server.url);
  const signIn = await c.post("/api/auth/sign-in", { email, password });
  expect(signIn.status).toBe(200);
  return (await c.get("/api/logs")).body.logs as { id: string; painBefore: number; painAfter: number }[];
}

describe("the web app with the Limber server", () => {
  it("keeps a session finished offline through a reload and sends it once when back online", async () => {
    const email = `offline-${Date.now()}@example.org`;
    const { context, page } = await openApp(app.browser, `${app.server.url}/`, "account", {
      fakeClockAt: new Date("2026-11-25T08:00:00Z"),
    });
    await page.getByRole("button", { name: "I am new here" }).click();
    await page.getByLabel("Your name").fill("Margaret");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Signed in as Margaret" }).waitFor();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);

    await context.setOffline(true);
    await page.goto(`${app.server.url}/#/play`);
    await page.getByRole("button", { name: "4", exact: true }).click();
    await page.locator("section.player").waitFor();
    await page.clock.runFor(timeline.totalSeconds * 1000 + 2000);
    await page.getByRole("heading", { name: /how does your back feel now/i }).waitFor();
    await page.getByRole("button", { name: "2", exact: true }).click();
    await page.getByRole("heading", { name: "Session complete" }).waitFor();
    const queued = await readStore<{ id: string; syncState: string }>(page, "sessions");
    expect(queued).toHaveLength(1);
    expect(queued[0]!.syncState).toBe("pending");

    await page.reload();
    await page.locator("main h1").first().waitFor();
    expect((await readStore<{ syncState: string }>(page, "sessions"))[0]!.syncState).toBe("pending");

    await context.setOffline(false);
    await expect
      .poll(async () => (await readStore<{ syncState: string }>(page, "sessions"))[0]!.syncState, { timeout: 15_000 })
      .toBe("synced");
    const logs = await serverLogs(email);
    expect(logs.map((l) => l.id)).toEqual([queued[0]!.id]);
    expect(logs[0]).toMatchObject({ painBefore: 4, painAfter: 2 });

    // Another start-up sync finds nothing pending and sends nothing twice.
    await page.reload();
    await page.locator("main h1").first().waitFor();
    await page.goto(`${app.server.url}/#/account`);
    await page.getByText("All sessions are saved on the server.").waitFor();
    expect(await serverLogs(email)).toHaveLength(1);
    await context.close();
  });

  it("shows history with the pain trend and a chart that only the History page loads", async () => {
    const email = `history-${Date.now()}@example.org`;
    const api = new ApiClient(overHttp, app.server.url);
    await api.signUp({ email, password, displayName: "Walter" });
    // The browser's clock is pinned to a fixed noon, so the days below and the page's "today" agree
    // whatever the real date is, and even if it turns over while the test runs.
    const today = new Date("2026-03-10T12:00:00Z");
    const day = (back: number) => new Date(today.getTime() - back * 86_400_000).toISOString().slice(0, 10);
    for (const [back, before, after] of [
      [24, 7, 6],
      [17, 6, 5],
      [10, 5, 4],
      [1, 4, 3],
    ] as const) {
      await api.post(
        "/api/logs",
        sessionLog({ startedAt: `${day(back)}T12:00:00Z`, endedAt: `${day(back)}T12:15:00Z`, painBefore: before, painAfter: after }),
      );
    }
    const { context, page } = await openApp(app.browser, `${app.server.url}/`, "account", { fakeClockAt: today });
    const chartRequests: string[] = [];
    page.on("request", (r) => {
      if (/pain-chart/.test(r.url())) chartRequests.push(r.url());
    });
    await signInOnAccountPage(page, email, password, "Walter");
    await page.goto(`${app.server.url}/#/play`);
    await page.locator("main h1").first().waitFor();
    expect(chartRequests).toEqual([]);

    await page.getByRole("navigation").getByRole("link", { name: "History" }).click();
    await page.getByTestId("pain-summary").waitFor();
    expect(await page.getByTestId("pain-summary").textContent()).toBe("Pain after sessions fell from 6 to 3 over three weeks.");
    await page.locator(".pain-chart .uplot canvas").waitFor();
    expect(chartRequests.length).toBeGreaterThan(0);
    expect(await page.locator('.calendar li[data-practised="yes"]').count()).toBe(4);
    await context.close();
  });

  it("brings progress made on another device to this one when it signs in", async () => {
    const email = `devices-${Date.now()}@example.org`;
    const otherDevice = new ApiClient(overHttp, app.server.url);
    await otherDevice.signUp({ email, password, displayName: "Rosa" });
    for (let i = 0; i < 3; i++) await otherDevice.post("/api/logs", sessionLog());
    const { context, page } = await openApp(app.browser, `${app.server.url}/`, "account");
    expect(await readStore(page, "progress")).toEqual([]);
    await signInOnAccountPage(page, email, password, "Rosa");
    await expect
      .poll(async () => (await readStore<{ sessionsProgressed: number }>(page, "progress"))[0]?.sessionsProgressed, { timeout: 10_000 })
      .toBe(3);
    await context.close();
  });

  it("sends a hold set by hand while signed in to the server, so it follows the user to other devices", async () => {
    const email = `hold-${Date.now()}@example.org`;
    const otherDevice = new ApiClient(overHttp, app.server.url);
    await otherDevice.signUp({ email, password, displayName: "Milan" });
    const { context, page } = await openApp(app.browser, `${app.server.url}/`, "account");
    await signInOnAccountPage(page, email, password, "Milan");
    await page.goto(`${app.server.url}/#/settings`);
    const longer = page.getByRole("button", { name: "Longer: Calf stretch at the wall: Lean toward the wall" });
    await longer.click();
    await longer.click();
    const onServer = async () =>
      (await otherDevice.get(`/api/progress/${defaultProgramId}`)).body as {
        exercises: Record<string, { holds: Record<string, number>; pinned: string[] }>;
      };
    await expect.poll(async () => (await onServer()).exercises["wall-calf-stretch"]?.holds.calf, { timeout: 10_000 }).toBe(30);
    expect((await onServer()).exercises["wall-calf-stretch"]?.pinned).toEqual(["calf"]);
    await context.close();
  });

  it("keeps a hold set by hand while offline through a reload, and sends it once the network is back", async () => {
    const email = `offline-hold-${Date.now()}@example.org`;
    const otherDevice = new ApiClient(overHttp, app.server.url);
    await otherDevice.signUp({ email, password, displayName: "Ida" });
    const { context, page } = await openApp(app.browser, `${app.server.url}/`, "account");
    await signInOnAccountPage(page, email, password, "Ida");
    await page.goto(`${app.server.url}/#/settings`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });

    await context.setOffline(true);
    const longer = page.getByRole("button", { name: "Longer: Calf stretch at the wall: Lean toward the wall" });
    await longer.click();
    await longer.click();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    const queued = await page.evaluate(() => JSON.parse(localStorage.getItem("limber-pending-holds") ?? "[]"));
    expect(queued).toEqual([{ programId: defaultProgramId, exerciseId: "wall-calf-stretch", phaseId: "calf", seconds: 30 }]);
    const onServer = async () =>
      (await otherDevice.get(`/api/progress/${defaultProgramId}`)).body as {
        exercises: Record<string, { holds: Record<string, number>; pinned: string[] }>;
      };
    expect((await onServer()).exercises["wall-calf-stretch"]?.pinned ?? []).toEqual([]);

    await context.setOffline(false);
    await expect.poll(async () => (await onServer()).exercises["wall-calf-stretch"]?.holds.calf, { timeout: 15_000 }).toBe(30);
    expect((await onServer()).exercises["wall-calf-stretch"]?.pinned).toEqual(["calf"]);
    await expect.poll(() => page.evaluate(() => localStorage.getItem("limber-pending-holds"))).toBe("[]");
    await context.close();
  });
});
