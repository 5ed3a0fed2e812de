import { expect, it } from "vitest";
import { useStaticApp } from "./support/app-server.ts";
import { phone } from "./support/limber-app.ts";

const app = useStaticApp();

it("opens every page again with the network cut after one visit, served by the service worker", async () => {
  const context = await app.browser.newContext({ viewport: phone });
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.getByRole("heading", { name: "Today’s stretches" }).waitFor();
  // The worker claims the page once it has precached the app shell.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    let count = 0;
    for (const n of names) count += (await (await caches.open(n)).keys()).length;
    return count;
  });
  expect(cached).toBeGreaterThan(10);

  await context.setOffline(true);
  await page.reload();
  await page.getByRole("heading", { name: "Today’s stretches" }).waitFor();
  for (const name of ["Exercises", "Learn", "Settings"]) {
    await page.getByRole("navigation").getByRole("link", { name: "More" }).click();
    await page.getByRole("heading", { level: 1, name: "More" }).waitFor();
    await page.getByRole("main").getByRole("link", { name }).click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
  }
  await page.getByRole("navigation").getByRole("link", { name: "Today" }).click();
  await page.getByRole("link", { name: "Start session" }).click();
  await page.getByRole("heading", { name: /how does your back feel right now/i }).waitFor();
  await page.getByRole("button", { name: /skip and start/i }).click();
  await page.locator('section.player[data-status="playing"]').waitFor();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await context.close();
});

it("cannot open the app offline without that first visit (so the test above proves the worker)", async () => {
  const context = await app.browser.newContext({ viewport: phone });
  await context.setOffline(true);
  const page = await context.newPage();
  await expect(page.goto(app.server.url)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
  await context.close();
});
