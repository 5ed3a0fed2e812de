import { describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server.ts";
import { openApp, playerPosition } from "./support/limber-app.ts";

const morning = new Date("2026-11-25T08:00:00Z");
const app = useAppServer("endings");

describe("ending a session, on a phone", () => {
  it("asks before End session: focus moves into the question, and Escape or Keep going resume the hold exactly where it was", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "play", { fakeClockAt: morning });
    await page.getByRole("button", { name: /skip and start/i }).click();
    await page.locator("section.player").waitFor();
    // 5 s into the 15 s "get into position" step.
    await page.clock.runFor(5_000);
    expect(await page.getByTestId("seconds-left").textContent()).toBe("10");

    await page.getByRole("button", { name: "End session" }).click();
    const dialog = page.getByRole("dialog", { name: "End this session now?" });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Keep going");
    // While the question is open the session stands still.
    await page.clock.runFor(20_000);
    expect(await playerPosition(page)).toEqual({ index: 0, status: "paused" });
    expect(await page.getByTestId("seconds-left").textContent()).toBe("10");

    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await playerPosition(page)).toEqual({ index: 0, status: "playing" });
    await page.clock.runFor(9_500);
    expect(await playerPosition(page)).toEqual({ index: 0, status: "playing" });
    await page.clock.runFor(1_000);
    expect(await playerPosition(page)).toEqual({ index: 1, status: "playing" });

    await page.getByRole("button", { name: "End session" }).click();
    await dialog.getByRole("button", { name: "Keep going" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await playerPosition(page)).toEqual({ index: 1, status: "playing" });

    await page.getByRole("button", { name: "End session" }).click();
    await dialog.getByRole("button", { name: "End session" }).click();
    await page.getByRole("heading", { name: /how does your back feel now/i }).waitFor();
    await context.close();
  });

  it("asks before Restart, by button and by the R key, and starts again from the first step only on a yes", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "play", { fakeClockAt: morning });
    await page.getByRole("button", { name: /skip and start/i }).click();
    await page.locator("section.player").waitFor();
    await page.clock.runFor(16_000);
    expect(await playerPosition(page)).toEqual({ index: 1, status: "playing" });

    await page.locator("main").focus();
    await page.keyboard.press("r");
    const dialog = page.getByRole("dialog", { name: "Start again from the first step?" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Keep going" }).click();
    expect(await playerPosition(page)).toEqual({ index: 1, status: "playing" });

    await page.getByRole("button", { name: "Restart" }).click();
    await dialog.getByRole("button", { name: "Start again" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await playerPosition(page)).toEqual({ index: 0, status: "playing" });
    await context.close();
  });
});
