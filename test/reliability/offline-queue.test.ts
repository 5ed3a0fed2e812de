import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../../content/index.ts";
import { compileTimeline } from "../../src/core/timeline.ts";
import { launchBrowser } from "../../e2e/support/browser.ts";
import { openApp, playWholeSession, readStore } from "../../e2e/support/limber-app.ts";
import { ApiClient, overHttp } from "../support/api-client.ts";
import { sameSession, spawnServer, type ServerProcess } from "../support/server-process.ts";

const totalSeconds = compileTimeline(builtInProgram(defaultProgramId)!, null).totalSeconds;

let browser: Browser;
let dataDir: string;
let server: ServerProcess;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "limber-queue-"));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const serverArgs = () => ["--data", join(dataDir, "data"), "--web", inject("webDist")];

async function kill(s: ServerProcess) {
  const exited = new Promise((r) => s.child.once("exit", r));
  s.child.kill("SIGKILL");
  await exited;
}

const syncStates = async (page: Page) => (await readStore<{ id: string; syncState: string }>(page, "sessions")).map((s) => s.syncState);

describe("the web app's queue of finished sessions when the server dies", () => {
  it("keeps sessions finished while the server is down through reloads and two server restarts, and delivers each exactly once", async () => {
    server = await spawnServer(serverArgs());
    const port = Number(new URL(server.url).port);
    const person = new ApiClient(overHttp, server.url);
    await person.signUp({ displayName: "Queue" });

    const { context, page } = await openApp(browser, server.url, "", { fakeClockAt: new Date("2026-11-25T08:00:00Z") });
    await context.addCookies([{ name: "limber_session", value: person.cookie!.split("=")[1]!, url: server.url }]);
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 }).toBe(true);

    for (const round of [1, 2]) {
      // The server is killed (not stopped politely); the page does not know and is not offline.
      await kill(server);
      // Holds grow after the first session, so give the fake clock room beyond the first timeline.
      await playWholeSession(page, server.url, totalSeconds * 2, 5, 3);
      await page.clock.runFor(31_000); // a background sync round fails against the dead server
      await page.reload();
      await page.locator("main h1").first().waitFor();
      await page.reload();
      await page.locator("main h1").first().waitFor();
      expect((await syncStates(page)).filter((s) => s === "pending")).toHaveLength(1);

      server = await spawnServer(serverArgs(), {}, port);
      await page.reload(); // start-up sync
      await page.locator("main h1").first().waitFor();
      await expect.poll(async () => (await syncStates(page)).every((s) => s === "synced"), { timeout: 20_000 }).toBe(true);
      const stored = (await sameSession(person, server.url).get("/api/logs")).body.logs.map((l: { id: string }) => l.id);
      const local = (await readStore<{ id: string }>(page, "sessions")).map((s) => s.id);
      expect(stored.sort(), `round ${round}`).toEqual(local.sort());
      expect(stored, `round ${round}`).toHaveLength(round);
    }
    // More syncs find nothing to send, and progress counted each session once.
    await page.clock.runFor(61_000);
    await page.reload();
    await page.locator("main h1").first().waitFor();
    const c = sameSession(person, server.url);
    expect((await c.get("/api/logs")).body.logs).toHaveLength(2);
    expect((await c.get("/api/progress/foot-stretches-for-lower-back-pain")).body.sessionsProgressed).toBe(2);
    await context.close();
  }, 180_000);
});
