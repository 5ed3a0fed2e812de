import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useStaticApp } from "./support/app-server.ts";
import { openApp } from "./support/limber-app.ts";

const app = useStaticApp();

/** How one picture looks on screen right now, as the pixels of its box. */
const drawnNow = (page: Page, id: string) => page.locator(`svg[data-picture="${id}"]`).last().screenshot({ animations: "allow" });

/** How many different looks a picture shows when seen once a second across one whole loop of its movement (7 s). */
async function looksOverALoop(page: Page, picture: ReturnType<Page["locator"]>): Promise<number> {
  const seen = new Set<string>();
  // Sixteen looks spread over a loop, so a picture that dwells at its start and end poses is still caught between them.
  for (let i = 0; i < 16; i++) {
    seen.add((await picture.screenshot({ animations: "allow" })).toString("base64"));
    await page.waitForTimeout(450);
  }
  return seen.size;
}

/** Waits for animation frames to pass in the page, so a moving picture has moved on. */
const framesPass = (page: Page, n: number) =>
  page.evaluate(
    (count) =>
      new Promise<void>((done) => {
        let left = count;
        const step = () => (--left <= 0 ? done() : requestAnimationFrame(step));
        requestAnimationFrame(step);
      }),
    n,
  );

describe("pictures in the built app", () => {
  it("move on Learn: each foot close-up changes over time, and inversion, eversion, dorsiflexion and plantar flexion are four different pictures", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "learn");
    const ids = ["foot-inversion", "foot-eversion", "foot-dorsiflexion", "foot-plantar-flexion"];
    for (const id of ids) await page.locator(`svg[data-picture="${id}"]`).scrollIntoViewIfNeeded();
    await page.locator('svg[data-picture="foot-inversion"]').scrollIntoViewIfNeeded();
    expect(await looksOverALoop(page, page.locator('svg[data-picture="foot-inversion"]'))).toBeGreaterThan(2);
    const labels = await Promise.all(ids.map((id) => page.locator(`svg[data-picture="${id}"]`).getAttribute("aria-label")));
    expect(new Set(labels).size).toBe(4);
    await context.close();
  });

  it("show the two strap holds and the two toe holds as different pictures on Exercises", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "exercises", { reducedMotion: "reduce" });
    const [eversion, inversion, toesUp, toesDown] = await Promise.all(
      ["strap-eversion", "strap-inversion", "toe-dorsiflexion", "toe-plantar-flexion"].map((id) => drawnNow(page, id)),
    );
    expect(eversion!.equals(inversion!)).toBe(false);
    expect(toesUp!.equals(toesDown!)).toBe(false);
    // Each exercise's first picture is its start position; the holds below it show their own movement.
    expect(await page.locator('#exercise-strap-eversion-inversion svg[role="img"]').count()).toBe(3);
    expect(await page.locator('#exercise-toe-dorsiflexion-plantar-flexion svg[role="img"]').count()).toBe(3);
    await context.close();
  });

  it("stay still under reduced motion, showing the end of the movement with its arrow", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "learn", { reducedMotion: "reduce" });
    const before = await drawnNow(page, "foot-dorsiflexion");
    await framesPass(page, 30);
    expect((await drawnNow(page, "foot-dorsiflexion")).equals(before)).toBe(true);
    expect(await page.locator('svg[data-picture="foot-dorsiflexion"] .fig-arrow').count()).toBe(1);
    await context.close();
  });

  it("in the player show the start pose while getting ready and the movement during a hold", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "play");
    await page.getByRole("button", { name: /skip and start/i }).click();
    const picture = page.locator("section.player svg[data-picture]");
    await expect.poll(() => picture.getAttribute("data-picture")).toBe("strap-eversion");
    // The left foot works first: the picture, written for the right side, is drawn mirrored.
    expect(await picture.getAttribute("data-side")).toBe("left");
    expect(await picture.locator(":scope > g").getAttribute("transform")).toMatch(/scale\(-1 1\)$/);
    const still = await picture.screenshot({ animations: "allow" });
    await framesPass(page, 20);
    expect((await picture.screenshot({ animations: "allow" })).equals(still)).toBe(true);
    await page.getByRole("button", { name: "Skip", exact: true }).click();
    await expect.poll(() => page.locator("section.player").getAttribute("data-step-index")).toBe("1");
    await page.getByRole("button", { name: "Pause" }).click();
    expect(await looksOverALoop(page, picture)).toBeGreaterThan(2);
    await context.close();
  });
});
