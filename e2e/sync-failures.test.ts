import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../content/index.ts";
import { compileTimeline } from "../src/core/timeline.ts";
import { ApiClient, overHttp, sessionLog } from "../test/support/api-client.ts";
import { useAppServer } from "./support/app-server.ts";
import { openApp, playWholeSession, readStore } from "./support/limber-app.ts";

const timeline = compileTimeline(builtInProgram(defaultProgramId)!, null);
const morning = new Date("2026-11-25T08:00:00Z");
const app = useAppServer("sync-failures");
const keptLine = "Saved on this phone. It could not be sent just now; Limber will keep trying.";
const failedLine = "Something went wrong while sending. Your sessions are kept on this device and will be sent again.";

/** The console's error lines, as the person's browser would show them to whoever looks. */
function consoleErrors(page: Page): string[] {
  const lines: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") lines.push(m.text());
  });
  return lines;
}

/** Plays a session signed in, with every POST /api/logs handled by `handle` instead of going straight through. */
async function sessionThrough(client: ApiClient, handle: Parameters<BrowserContext["route"]>[1]) {
  const { context, page } = await openApp(app.browser, app.server.url, "", { fakeClockAt: morning, sessionCookie: client.cookie! });
  const errors = consoleErrors(page);
  await context.route("**/api/logs", (route, request) => (request.method() === "POST" ? handle(route, request) : route.continue()));
  await playWholeSession(page, app.server.url, timeline.totalSeconds, 3, 2);
  return { context, page, errors };
}

const syncStates = async (page: Page) => (await readStore<{ syncState: string }>(page, "sessions")).map((s) => s.syncState);

describe("sending a session when something other than the network goes wrong", () => {
  it("does not take a 200 from something in between (a Wi-Fi sign-in page) as sent, and sends the session once the way is clear", async () => {
    const client = new ApiClient(overHttp, app.server.url);
    await client.signUp({ displayName: "Rosa" });
    const { context, page, errors } = await sessionThrough(client, (route) =>
      route.fulfill({
        status: 200,
        contentType: "text/html",
        body: "<html><body>Welcome to the hotel Wi-Fi. Sign in to continue.</body></html>",
      }),
    );
    await page.getByTestId("delivery").getByText(keptLine).waitFor();
    expect(await syncStates(page)).toEqual(["pending"]);
    expect((await client.get("/api/logs")).body.logs).toEqual([]);
    expect(errors.filter((e) => e.includes("did not come from the Limber server"))).toHaveLength(1);

    await page.goto(`${app.server.url}/#/account`);
    await page.getByText(`${failedLine} 1 waiting on this device.`).waitFor();

    await context.unroute("**/api/logs");
    await page.clock.runFor(31_000); // the background sync's next round
    await page.getByText("All sessions are saved on the server.").waitFor();
    expect(await syncStates(page)).toEqual(["synced"]);
    expect(((await client.get("/api/logs")).body.logs as { painBefore: number }[]).map((l) => l.painBefore)).toEqual([3]);
    await context.close();
  });

  it("keeps a session the server refuses, says so instead of 'saved on the server', and logs the server's words", async () => {
    // The server's real 409: the log reaches it under an id another account already owns.
    const someoneElse = new ApiClient(overHttp, app.server.url);
    await someoneElse.signUp({ displayName: "Otto" });
    const taken = sessionLog();
    expect((await someoneElse.post("/api/logs", taken)).status).toBe(201);
    const client = new ApiClient(overHttp, app.server.url);
    await client.signUp({ displayName: "Vera" });
    const { context, page, errors } = await sessionThrough(client, (route, request) =>
      route.continue({ postData: JSON.stringify({ ...request.postDataJSON(), id: taken.id }) }),
    );
    await page.getByTestId("delivery").getByText(keptLine).waitFor();
    expect(await syncStates(page)).toEqual(["pending"]);
    expect(errors.filter((e) => e.startsWith("limber: the server would not take session ") && e.includes("(409)"))).toHaveLength(1);

    await page.goto(`${app.server.url}/#/account`);
    await page.getByText(`${failedLine} 1 waiting on this device.`).waitFor();
    expect(await page.getByText("All sessions are saved on the server.").count()).toBe(0);
    await context.close();
  });
});
