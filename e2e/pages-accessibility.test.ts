import { mkdir } from "node:fs/promises";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useStaticApp } from "./support/app-server.ts";
import { axeViolations } from "./support/axe.ts";
import { openApp } from "./support/limber-app.ts";

const shots = "test-results/screenshots";
const app = useStaticApp();

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
});

async function visit(page: Page, route: string, heading: string | RegExp) {
  await page.evaluate((r) => (location.hash = r), `#/${route}`);
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Every interactive control that is not a link inside running text is at least 44 px each way. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    const selector = "button, .button, nav a, .brand, input[type=checkbox], .choices label, summary";
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.width < 44 || r.height < 44)
        small.push(`${el.tagName} "${el.textContent?.trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    return small;
  });
}

const pages = [
  ["", "Today’s stretches"],
  ["exercises", "Exercises"],
  ["learn", "Learn"],
  ["settings", "Settings"],
  ["more", "More"],
  ["play", /how does your back feel right now/i],
] as const;

for (const scheme of ["light", "dark"] as const) {
  describe(`in ${scheme} mode`, () => {
    it("has no WCAG 2.2 AA violations on any page or any stage of a session, and touch targets of 44 px", async () => {
      const { context, page } = await openApp(app.browser, app.server.url, "", {
        colorScheme: scheme,
        fakeClockAt: new Date("2026-11-25T08:00:00Z"),
      });
      for (const [route, heading] of pages) {
        await visit(page, route, heading);
        expect({ route, violations: await axeViolations(page) }).toEqual({ route, violations: [] });
        expect({ route, small: await smallTargets(page) }).toEqual({ route, small: [] });
        if (route === "") await page.screenshot({ path: `${shots}/home-${scheme}.png` });
        if (route === "learn") await page.screenshot({ path: `${shots}/learn-${scheme}.png` });
      }
      await page.screenshot({ path: `${shots}/pain-before-${scheme}.png` });
      await page.getByRole("button", { name: "3", exact: true }).click();
      await page.clock.runFor(18_400);
      await page.locator('section.player[data-status="playing"]').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/player-${scheme}.png` });
      await page.getByRole("button", { name: "Pause" }).click();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "End session" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "End session" }).click();
      await page.getByRole("heading", { name: /how does your back feel now/i }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "1", exact: true }).click();
      await page.getByRole("heading", { name: "No holds this time" }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await visit(page, "", "Today’s stretches");
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/home-after-session-${scheme}.png` });
      await context.close();
    });
  });
}

describe("for people who zoom, use the keyboard or avoid motion", () => {
  it("reflows at 320 CSS px (400% zoom of a laptop, 200% of a phone) with the largest text, without sideways scrolling", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "settings", { viewport: { width: 320, height: 640 } });
    await page.getByLabel("Larger").check();
    for (const [route, heading] of pages) {
      await visit(page, route, heading);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect({ route, overflow }).toEqual({ route, overflow: 0 });
    }
    await context.close();
  });

  it("keeps the main navigation to one row of four large targets on a phone, and marks More while on a page under it", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "learn");
    const boxes = await page.$$eval(".top nav a", (links) =>
      links.map((a) => ({ name: a.textContent, top: a.getBoundingClientRect().top, current: a.getAttribute("aria-current") })),
    );
    expect(boxes.map((b) => b.name)).toEqual(["Today", "History", "My plan", "More"]);
    expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
    expect(boxes.find((b) => b.name === "More")?.current).toBe("location");
    await context.close();
  });

  it("runs a session from the keyboard alone, with each step announced politely", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "", { fakeClockAt: new Date("2026-11-25T08:00:00Z") });
    const start = page.getByRole("link", { name: "Start session" });
    for (let i = 0; i < 20 && !(await start.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: /how does your back feel right now/i }).waitFor();
    for (let i = 0; i < 5; i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.locator('section.player[data-status="playing"]').waitFor();
    const announcer = page.getByTestId("announcer");
    expect(await announcer.getAttribute("aria-live")).toBe("polite");
    expect(await announcer.textContent()).toBe("Get ready: Strap stretch: eversion and inversion · Left foot");
    await page.keyboard.press("ArrowRight");
    expect(await announcer.textContent()).toBe("Turn the sole outward · Left foot · 1 of 3");
    // R asks first; the question takes focus on Keep going, and Tab then Enter says yes.
    await page.keyboard.press("r");
    await page.getByRole("dialog", { name: "Start again from the first step?" }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Keep going");
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(await announcer.textContent()).toBe("Get ready: Strap stretch: eversion and inversion · Left foot");
    await context.close();
  });
});
