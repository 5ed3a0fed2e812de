import { describe, expect, it } from "vitest";
import { useAppServer } from "./support/app-server.ts";
import { openApp } from "./support/limber-app.ts";

const morning = new Date("2026-11-25T08:00:00Z");
const app = useAppServer("every-phone");
const phones = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
];
const laptop = { width: 1280, height: 800 };
/** How far every control keeps from the screen's edges, in CSS pixels. */
const EDGE = 8;
const textSizes = ["Normal", "Large", "Larger"] as const;

describe("the player on every phone and a laptop", () => {
  for (const viewport of [...phones, laptop]) {
    it(`at ${viewport.width}×${viewport.height}, with every text size, shows the countdown, the instruction and every control together during a hold, clear of the edges`, async () => {
      const { context, page } = await openApp(app.browser, app.server.url, "settings", { viewport, fakeClockAt: morning });
      for (const size of textSizes) {
        await page.goto(`${app.server.url}/#/settings`);
        await page.getByLabel(size, { exact: true }).check();
        await page.goto(`${app.server.url}/#/play`);
        await page.getByRole("button", { name: /skip and start/i }).click();
        await page.locator('section.player[data-status="playing"]').waitFor();
        await page.clock.runFor(16_000); // into the first hold
        expect(await page.locator("section.player").getAttribute("data-step-index")).toBe("1");
        const seen = await page.evaluate((edge) => {
          const fits = (el: Element, margin: number) => {
            const r = el.getBoundingClientRect();
            return r.top >= margin && r.bottom <= window.innerHeight - margin && r.left >= margin && r.right <= window.innerWidth - margin;
          };
          const buttons = [...document.querySelectorAll(".controls button, .controls-secondary button")];
          return {
            countdown: fits(document.querySelector(".ring")!, 0),
            instruction: fits(document.querySelector('[data-testid="phase"]')!, 0),
            controls: buttons.map((b) => b.textContent!.trim()),
            outside: buttons
              .filter((b) => !fits(b, edge))
              .map((b) => `${b.textContent!.trim()} ${JSON.stringify(b.getBoundingClientRect())}`),
            scrolled: window.scrollY,
          };
        }, EDGE);
        expect({ size, ...seen }).toEqual({
          size,
          countdown: true,
          instruction: true,
          controls: ["Back", "Pause", "Skip", "Restart", "End session"],
          outside: [],
          scrolled: 0,
        });
        await page.getByRole("button", { name: "End session" }).click();
        await page.getByRole("dialog").getByRole("button", { name: "End session" }).click();
        await page.getByRole("button", { name: "Skip", exact: true }).click();
        await page.getByRole("link", { name: "Back to today" }).waitFor();
      }
      await context.close();
    }, 120_000);
  }

  it("shows the keyboard hint with a mouse, and not on a touch screen (pointer: coarse)", async () => {
    const mouse = await openApp(app.browser, app.server.url, "play", { viewport: laptop, fakeClockAt: morning });
    await mouse.page.getByRole("button", { name: /skip and start/i }).click();
    expect(await mouse.page.locator(".keys").isVisible()).toBe(true);
    await mouse.context.close();

    const context = await app.browser.newContext({ viewport: phones[1], hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/#/play`);
    await page.getByRole("button", { name: /skip and start/i }).click();
    await page.locator("section.player").waitFor();
    expect(await page.evaluate(() => matchMedia("(pointer: coarse)").matches)).toBe(true);
    expect(await page.locator(".keys").isVisible()).toBe(false);
    await context.close();
  });
});
