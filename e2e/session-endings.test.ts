import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../content/index.ts";
import { compileTimeline } from "../src/core/timeline.ts";
import { ApiClient, overHttp } from "../test/support/api-client.ts";
import { axeViolations } from "./support/axe.ts";
import { useAppServer } from "./support/app-server.ts";
import { openApp, playerPosition, readStore } from "./support/limber-app.ts";

const timeline = compileTimeline(builtInProgram(defaultProgramId)!, null);
const morning = new Date("2026-11-25T08:00:00Z");
const app = useAppServer("endings");

/** Ends the running session through its question, then answers the pain question after. */
async function endNow(page: Page, painAfter: number | null) {
  await page.getByRole("button", { name: "End session" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "End session" }).click();
  await page.getByRole("heading", { name: /how does your back feel now/i }).waitFor();
  await page.getByRole("button", { name: painAfter === null ? "Skip" : String(painAfter), exact: true }).click();
}

async function playThrough(page: Page, painBefore: number, painAfter: number) {
  await page.getByRole("button", { name: String(painBefore), exact: true }).click();
  await page.locator("section.player").waitFor();
  await page.clock.runFor(timeline.totalSeconds * 1000 + 2000);
  await page.getByRole("heading", { name: /how does your back feel now/i }).waitFor();
  await page.getByRole("button", { name: String(painAfter), exact: true }).click();
  await page.getByRole("heading", { name: "Session complete" }).waitFor();
}

/** A person signed up over the real HTTP API; `coach` also makes a coach and joins them to their practice. */
async function signedUp(o: { coach?: boolean } = {}) {
  const client = new ApiClient(overHttp, app.server.url);
  await client.signUp({ displayName: "Robin" });
  if (o.coach) {
    const coach = new ApiClient(overHttp, app.server.url);
    await coach.signUp({ displayName: "Casey", role: "coach" });
    await coach.put("/api/organisation", { name: "Calm Backs", contact: "Phone 0123 456 789" });
    const code = (await coach.post("/api/invites", { label: "Robin" })).body.code as string;
    expect((await client.post("/api/invites/accept", { code })).status).toBe(200);
    return { client, coach };
  }
  return { client, coach: null };
}

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

  it("says 'Ended early' with the holds held out of all planned, never 'complete' or 'well done'", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "play", { fakeClockAt: morning, forAxe: true });
    await page.getByRole("button", { name: "4", exact: true }).click();
    await page.locator("section.player").waitFor();
    // Get ready 15 s, the first hold 10 s, ease off 3 s, then 2 s into the second hold.
    await page.clock.runFor(30_000);
    expect(await playerPosition(page)).toEqual({ index: 3, status: "playing" });
    await endNow(page, 4);
    await page.getByRole("heading", { name: "Session ended" }).waitFor();
    expect(await page.getByTestId("ending").textContent()).toBe(
      `Ended early: 1 of ${timeline.holdCount} holds. Today counts as a practised day. Back pain 4 before, 4 after.`,
    );
    expect(await page.locator("main").textContent()).not.toMatch(/complete|well done/i);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("does not count a session with no hold held as a practised day, and says so", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "play", { fakeClockAt: morning });
    await page.getByRole("button", { name: /skip and start/i }).click();
    await page.locator("section.player").waitFor();
    await endNow(page, null);
    await page.getByRole("heading", { name: "No holds this time" }).waitFor();
    expect(await page.getByTestId("ending").textContent()).toBe(
      "The session ended before any hold was held, so today does not count as a practised day. Start again whenever you are ready.",
    );
    const rows = await readStore<{ log: { holds: unknown[] } }>(page, "sessions");
    expect(rows).toHaveLength(1);
    await page.goto(`${app.server.url}/#/`);
    expect(await page.getByTestId("streak").textContent()).toBe("None yet");
    await context.close();
  });

  it("answers pain 6 before and 8 after plainly: no tick or praise, no longer holds next time, the signs that mean stop", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "play", { fakeClockAt: morning, forAxe: true });
    await playThrough(page, 6, 8);
    const worse = page.getByTestId("pain-worse");
    await worse.getByRole("heading", { name: "Your back hurts more after this session" }).waitFor();
    expect(await worse.textContent()).toContain("Your pain was 6 before and 8 after.");
    expect(await worse.textContent()).toContain("Your next session will not make the holds any longer.");
    expect(await worse.textContent()).toContain(
      "numbness, tingling or weakness in a leg or foot, pain spreading down a leg, or pain that keeps rising",
    );
    expect(await page.locator(".session-end .art").count()).toBe(0);
    expect(await page.locator("main").textContent()).not.toMatch(/well done/i);
    // Signed out, there is no coach to tell.
    expect(await worse.getByRole("button").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    const [progress] = await readStore<{ sessionsProgressed: number }>(page, "progress");
    expect(progress?.sessionsProgressed ?? 0).toBe(0);
    await context.close();
  });

  it("stays calm about a one-point rise: no warning, only that the holds stay as they are", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "play", { fakeClockAt: morning });
    await playThrough(page, 3, 4);
    expect(await page.getByTestId("pain-worse").count()).toBe(0);
    await page.getByText("Pain was a little higher afterwards, so your holds stay as they are next time.").waitFor();
    await context.close();
  });

  it("signed in with a coach, sends the session at once, says so, and sends the coach a note with the scores in one tap", async () => {
    const { client } = await signedUp({ coach: true });
    const { context, page } = await openApp(app.browser, app.server.url, "play", { fakeClockAt: morning, sessionCookie: client.cookie! });
    await playThrough(page, 6, 8);
    await page.getByTestId("delivery").getByText("Sent to your coach, Casey.").waitFor();
    const logs = (await client.get("/api/logs")).body.logs as { id: string; painAfter: number }[];
    const [row] = await readStore<{ id: string; syncState: string }>(page, "sessions");
    expect(logs.map((l) => [l.id, l.painAfter])).toEqual([[row!.id, 8]]);
    expect(row!.syncState).toBe("synced");

    await page.getByRole("button", { name: "Tell Casey about this" }).click();
    await page.getByText("Sent to Casey: your pain scores from today.").waitFor();
    const mine = (await client.get("/api/messages")).body.messages as { body: string; sessionLogId: string | null }[];
    expect(mine.map((m) => [m.body, m.sessionLogId])).toEqual([
      ["My back hurt more after today's session: pain 6 before and 8 after.", row!.id],
    ]);
    await context.close();
  });

  it("signed in without a coach, says the session went to the account; signed out, that it is on this phone", async () => {
    const { client } = await signedUp();
    const signedIn = await openApp(app.browser, app.server.url, "play", { fakeClockAt: morning, sessionCookie: client.cookie! });
    await playThrough(signedIn.page, 2, 2);
    await signedIn.page.getByTestId("delivery").getByText("Sent to your account.").waitFor();
    await signedIn.context.close();

    const signedOut = await openApp(app.browser, app.server.url, "play", { fakeClockAt: morning });
    await playThrough(signedOut.page, 2, 2);
    await signedOut.page.getByTestId("delivery").getByText("Saved on this phone.").waitFor();
    await signedOut.context.close();
  });

  it("signed in but offline, says the session waits on this phone and sends it once back online", async () => {
    const { client } = await signedUp();
    const { context, page } = await openApp(app.browser, app.server.url, "", { fakeClockAt: morning, sessionCookie: client.cookie! });
    await page.goto(`${app.server.url}/#/play`);
    await page.getByRole("button", { name: "2", exact: true }).waitFor();
    await context.setOffline(true);
    await page.getByRole("button", { name: "2", exact: true }).click();
    await page.locator("section.player").waitFor();
    await page.clock.runFor(timeline.totalSeconds * 1000 + 2000);
    await page.getByRole("button", { name: "1", exact: true }).click();
    await page.getByTestId("delivery").getByText("Saved on this phone; it will be sent when you are back online.").waitFor();
    expect((await client.get("/api/logs")).body.logs).toEqual([]);
    await context.setOffline(false);
    await expect.poll(async () => ((await client.get("/api/logs")).body.logs as unknown[]).length).toBe(1);
    await context.close();
  });
});
