import type { Browser, BrowserContext, Page } from "playwright-core";
import { observeOutputs } from "./observed-outputs.ts";

export const phone = { width: 390, height: 844 } as const;

export interface AppOptions {
  colorScheme?: "light" | "dark";
  reducedMotion?: "reduce" | "no-preference";
  viewport?: { width: number; height: number };
  /** Install Playwright's fake clock before the app loads, starting at this wall time. */
  fakeClockAt?: Date;
  /**
   * Whose voice guides sessions. With a fake clock it is the device's, chosen on the Settings page as a
   * person would: Limber's own voice plays a soundtrack whose real playback position is the session's
   * clock, which a fake clock cannot hurry.
   */
  voice?: "limber" | "device";
  /** A `limber_session=…` cookie (from an ApiClient that signed up over HTTP), so the page opens signed in. */
  sessionCookie?: string;
  /** Lets axe be injected as an inline script on pages the real server serves with its CSP. */
  forAxe?: boolean;
  /** The browser's language (navigator.language); British English unless given, as Limber's own words are. */
  locale?: string;
}

/** A fresh browser context on the app (its own IndexedDB), with outputs observed. */
export async function openApp(
  browser: Browser,
  baseUrl: string,
  route = "",
  o: AppOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: o.viewport ?? phone,
    colorScheme: o.colorScheme ?? "light",
    reducedMotion: o.reducedMotion ?? "no-preference",
    bypassCSP: o.forAxe ?? false,
    locale: o.locale ?? "en-GB",
  });
  await observeOutputs(context);
  if (o.sessionCookie) {
    const [name, value] = o.sessionCookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url: baseUrl }]);
  }
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  if (o.fakeClockAt) await page.clock.install({ time: o.fakeClockAt });
  if ((o.voice ?? (o.fakeClockAt ? "device" : "limber")) === "device") {
    await page.goto(`${baseUrl}#/settings`);
    await page.getByRole("radio", { name: "This device’s voice" }).check();
  }
  await page.goto(`${baseUrl}#/${route}`);
  await page.locator("main h1").first().waitFor();
  return { context, page };
}

/** Reads every row of one IndexedDB object store of the app. */
export function readStore<T = unknown>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open("limber");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const q = open.result.transaction(name).objectStore(name).getAll();
          q.onsuccess = () => {
            resolve(q.result as T[]);
            open.result.close();
          };
          q.onerror = () => reject(q.error);
        };
      }),
    store,
  );
}

/** The player's current step index and status, from the page's data attributes. */
export async function playerPosition(page: Page): Promise<{ index: number; status: string }> {
  const section = page.locator("section.player");
  return {
    index: Number(await section.getAttribute("data-step-index")),
    status: (await section.getAttribute("data-status")) ?? "",
  };
}

/**
 * Plays a whole session of the built-in program on the page's fake clock (installed by openApp's
 * fakeClockAt) with the given pain ratings, up to "Session complete".
 */
export async function playWholeSession(
  page: Page,
  baseUrl: string,
  totalSeconds: number,
  painBefore: number,
  painAfter: number,
): Promise<void> {
  await page.goto(`${baseUrl}/#/play`);
  await page.getByRole("button", { name: String(painBefore), exact: true }).click();
  await page.locator("section.player").waitFor();
  await page.clock.runFor(totalSeconds * 1000 + 2000);
  await page.getByRole("heading", { name: /how does your back feel now/i }).waitFor();
  await page.getByRole("button", { name: String(painAfter), exact: true }).click();
  await page.getByRole("heading", { name: "Session complete" }).waitFor();
}

/** Signs in on the Account page the app is showing, as a person would, and waits until it says so. */
export async function signInOnAccountPage(page: Page, email: string, password: string, displayName: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: `Signed in as ${displayName}` }).waitFor();
}
