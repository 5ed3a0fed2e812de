import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ApiClient, overHttp } from "../test/support/api-client.ts";
import { useAppServer } from "./support/app-server.ts";
import { axeViolations } from "./support/axe.ts";
import { addDays, weekStartOf } from "../src/core/calendar-date.ts";
import { busyPractice, dayBefore, signInAs, type Practice } from "./support/coach-practice.ts";
import { openApp, phone } from "./support/limber-app.ts";

const app = useAppServer("e2e-coach-pages");
const laptop = { width: 1280, height: 800 } as const;

/** A fresh context on `route`, signed in as `who` (or nobody), with CSP bypassed so axe can be injected. */
async function open(route: string, who: ApiClient | null, viewport: { width: number; height: number } = phone) {
  const context = await app.browser.newContext({ viewport, bypassCSP: true });
  if (who) await signInAs(context, `${app.server.url}/`, who);
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  await page.goto(`${app.server.url}/#/${route}`);
  await page.locator("main h1").first().waitFor();
  return { context, page };
}

/** How much wider than the screen the page is (0 when nothing scrolls sideways). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

let practice: Practice | undefined;
async function aPractice(): Promise<Practice> {
  practice ??= await busyPractice(app.server.url, new Date(), String(Date.now()));
  return practice;
}

describe("the coach's pages in the browser", () => {
  it("shows the dashboard at a glance on a phone and a laptop: counts, most in need first, sparklines, holds done, what is new, search and filters", async () => {
    const { coach } = await aPractice();
    for (const viewport of [phone, laptop]) {
      const { context, page } = await open("coach", coach, viewport);
      const summary = page.getByTestId("dashboard-summary");
      await summary.waitFor();
      expect((await summary.textContent())!.replace(/\s+/g, " ")).toBe(
        "need attention2sessions in the last 7 days8stopped1without a plan1",
      );
      const rows = page.getByTestId("client-row");
      expect(await rows.locator(".glance-name").allTextContents()).toEqual([
        "Margaret Ellis",
        "Tom Brennan",
        "Aisha Khan",
        "Robert Okafor",
        "Li Wei",
      ]);
      const row = (name: string) => rows.filter({ hasText: name });
      expect(await row("Aisha Khan").getByTestId("client-last").textContent()).toBe(
        "Last session: 12 of 25 holds, 2 days ago; pain 3 → 2.",
      );
      expect(
        await row("Margaret Ellis")
          .getByRole("img", { name: /^Pain after the last 8 sessions/ })
          .getAttribute("aria-label"),
      ).toBe("Pain after the last 8 sessions: 3, 3, 4, 3, 4, 5, 6, 8 out of 10");
      expect(await row("Margaret Ellis").getByTestId("client-note").textContent()).toBe("1 unread note");
      expect(await row("Margaret Ellis").getByTestId("client-new").textContent()).toBe("New: 1 note");
      expect(await row("Robert Okafor").getByTestId("client-new").textContent()).toBe("New: 1 session");
      await page.getByRole("radio", { name: /^Stopped/ }).check();
      expect(await rows.locator(".glance-name").allTextContents()).toEqual(["Tom Brennan"]);
      await page.getByRole("radio", { name: /^All/ }).check();
      await page.getByLabel("Find a client").fill("oKa");
      expect(await rows.locator(".glance-name").allTextContents()).toEqual(["Robert Okafor"]);
      await page.getByLabel("Find a client").fill("");
      expect(await overflow(page)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }
  }, 120_000);

  it("shows a client's page with the weekly calendar, holds done per session and the conversation; a reply reaches the client with an unread count, and comes back read", async () => {
    const { coach, clients } = await aPractice();
    const aisha = clients["Aisha Khan"]!;
    const { context, page } = await open(`client/${aisha.id}`, coach);
    await page.getByTestId("week-calendar").waitFor();
    // Aisha practised 23, 21, 18, 16, 14, 11, 9, 7, 4 and 2 days ago; the calendar shows the four weeks from three Mondays back.
    const today = new Date().toISOString().slice(0, 10);
    const from = addDays(weekStartOf(today), -21);
    const shown = [23, 21, 18, 16, 14, 11, 9, 7, 4, 2].map((n) => dayBefore(new Date(), n)).filter((d) => d >= from);
    expect(
      await page
        .locator(".week-calendar td[data-state=done], .week-calendar td[data-state=extra]")
        .evaluateAll((tds) => tds.map((t) => t.getAttribute("data-day"))),
    ).toEqual(shown);
    expect(await page.getByTestId("session-list").locator("li").first().textContent()).toContain("12 of 25 holds (stopped early)");
    expect(await overflow(page)).toBe(0);
    await page.getByLabel("Write to Aisha Khan").fill("Well done this month. Finish the whole session when you can.");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.getByText("Sent to Aisha Khan.").waitFor();
    await page.getByTestId("read-receipt").first().waitFor();
    expect(await page.getByTestId("read-receipt").allTextContents()).toEqual(["Not read yet"]);
    expect(await axeViolations(page)).toEqual([]);

    const client = await open("plan", aisha.api);
    await client.page.getByTestId("conversation").waitFor();
    expect(await client.page.getByTestId("unread-count").textContent()).toBe(" 1 new");
    expect(await client.page.getByTestId("conversation").textContent()).toContain("Well done this month.");
    expect(await overflow(client.page)).toBe(0);
    expect(await axeViolations(client.page)).toEqual([]);

    await page.reload();
    await page.getByTestId("conversation").waitFor();
    expect((await page.getByTestId("read-receipt").allTextContents())[0]).toMatch(/^Read /);
    await client.context.close();
    await context.close();
  }, 120_000);

  it("leads to the coach's side from More, copies and shares an invite, shows its QR code, and the join page names only the practice and coach before sign-up", async () => {
    const visitor = await open("more", null);
    await visitor.page.getByRole("link", { name: /For coaches/ }).click();
    await visitor.page.getByRole("heading", { name: "Open a practice" }).waitFor();
    await visitor.context.close();

    const { coach } = await aPractice();
    const { context, page } = await open("coach", coach);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.server.url });
    // This Chromium has no share sheet; a page that has one gets the Share button, checked below.
    expect(await page.evaluate(() => typeof navigator.share)).toBe("undefined");
    await page.getByLabel("Who it is for (optional)").fill("Pat");
    await page.getByRole("button", { name: "Make an invite" }).click();
    const link = (await page.getByTestId("invite-link").textContent())!.trim();
    expect(await page.getByRole("button", { name: "Share…" }).count()).toBe(0);
    await page.getByRole("button", { name: "Copy link" }).click();
    await page.getByText("Link copied.", { exact: false }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await page.getByText("Show a QR code to scan").click();
    expect(await page.getByRole("img", { name: "QR code of the invite link" }).locator("svg").count()).toBe(1);
    expect(await overflow(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();

    const sharing = await app.browser.newContext({ viewport: phone });
    await signInAs(sharing, `${app.server.url}/`, coach);
    await sharing.addInitScript(() => {
      (window as unknown as { shared: unknown[] }).shared = [];
      Object.defineProperty(navigator, "share", {
        value: async (data: unknown) => void (window as unknown as { shared: unknown[] }).shared.push(data),
      });
    });
    const sharePage = await sharing.newPage();
    await sharePage.goto(`${app.server.url}/#/coach`);
    await sharePage.getByRole("button", { name: "Make an invite" }).click();
    const shared = (await sharePage.getByTestId("invite-link").textContent())!.trim();
    await sharePage.getByRole("button", { name: "Share…" }).click();
    await sharePage.waitForFunction(() => (window as unknown as { shared: unknown[] }).shared.length === 1);
    expect(await sharePage.evaluate(() => (window as unknown as { shared: { url: string; title: string }[] }).shared[0])).toMatchObject({
      url: shared,
      title: "Join Calm Backs Physiotherapy in Limber",
    });
    await sharing.close();

    const joiner = await open(link.split("#/")[1]!, null);
    const preview = joiner.page.getByTestId("invite-preview");
    expect(await preview.textContent()).toBe("This invite is from Dr Casey Morgan at Calm Backs Physiotherapy.");
    expect(await joiner.page.getByRole("heading", { level: 1 }).textContent()).toBe("Join Dr Casey Morgan");
    const text = (await joiner.page.locator("main").textContent())!;
    for (const secret of ["0123 456 789", "Margaret", "Pat", "@example.org"]) expect(text).not.toContain(secret);
    expect(await overflow(joiner.page)).toBe(0);
    expect(await axeViolations(joiner.page)).toEqual([]);
    await joiner.context.close();
  }, 120_000);

  it("prints the handout of the built-in program, with the coach's overrides and note, on two A4 pages and two US Letter pages", async () => {
    const { coach, clients } = await aPractice();
    const margaret = clients["Margaret Ellis"]!;
    const plan = {
      programId: "foot-stretches-for-lower-back-pain",
      programVersion: 1,
      schedule: { kind: "weekdays", days: ["mon", "wed", "fri"], startDate: "2026-11-02" },
      holdOverrides: { "wall-calf-stretch": { calf: 25 } },
      note: "Go gently this week; stop if the back pain is sharp, and write to me in Limber.",
    };
    expect((await coach.put(`/api/clients/${margaret.id}/prescription`, plan)).status).toBe(200);
    const { context, page } = await open(`handout/${margaret.id}`, coach);
    await page.locator(".handout h1").waitFor();
    expect(await overflow(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".handout").textContent()).toContain("Hold 25 seconds");
    expect(await page.locator(".handout").textContent()).toContain(plan.note);
    for (const format of ["A4", "Letter"] as const) {
      const pdf = await page.pdf({ format, printBackground: false });
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length;
      expect({ format, pages }).toEqual({ format, pages: 2 });
    }
    await context.close();
  }, 120_000);

  it("keeps every coach page within a 390 px screen: the plan form, the editor and opening a practice", async () => {
    const { coach, clients } = await aPractice();
    for (const route of [`client/${clients["Li Wei"]!.id}`, "editor", "coach"]) {
      const { context, page } = await open(route, route === "coach" ? null : coach);
      if (route === "editor") {
        await page.getByRole("button", { name: "Open in the editor" }).click();
        await page.getByLabel("Title").waitFor();
      }
      if (route.startsWith("client/")) await page.getByLabel("Program").waitFor();
      expect({ route, overflow: await overflow(page) }).toEqual({ route, overflow: 0 });
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }
  }, 120_000);
});
