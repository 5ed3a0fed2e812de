import type { Page } from "playwright-core";
import { builtInProgram, defaultProgramId } from "../../content/index.ts";
import { compileTimeline } from "../../src/core/timeline.ts";
import { ApiClient, overHttp, sessionLog } from "../../test/support/api-client.ts";
import { signInAs } from "../support/coach-practice.ts";
import { defineShots, type ShotEnv } from "./shot.ts";

const timeline = compileTimeline(builtInProgram(defaultProgramId)!, null);
// Wednesday 25 November 2026, mid-morning.
const morning = new Date("2026-11-25T09:00:00Z");

async function start(page: Page, painBefore: number | null) {
  await page.getByRole("button", { name: painBefore === null ? /skip and start/i : String(painBefore), exact: true }).click();
  await page.locator('section.player[data-status="playing"]').waitFor();
}

async function playThrough(page: Page, painBefore: number, painAfter: number) {
  await start(page, painBefore);
  await page.clock.runFor(timeline.totalSeconds * 1000 + 2000);
  await page.getByRole("button", { name: String(painAfter), exact: true }).click();
  await page.getByRole("heading", { name: "Session complete" }).waitFor();
}

async function endNow(page: Page, painAfter: number | null) {
  await page.getByRole("button", { name: "End session" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "End session" }).click();
  await page.getByRole("button", { name: painAfter === null ? "Skip" : String(painAfter), exact: true }).click();
  await page.locator(".session-end").waitFor();
}

/** The player's screen (the viewport only) `ms` into a session started at pain 4, then whatever `then` opens. */
function playerShot(name: string, ms: number, then?: (page: Page) => Promise<unknown>) {
  return {
    name,
    route: "play",
    fakeClockAt: morning,
    fullPage: false,
    show: async (page: Page) => {
      await start(page, 4);
      await page.clock.runFor(ms);
      await then?.(page);
    },
  };
}

async function openDialog(page: Page, button: "End session" | "Restart") {
  await page.getByRole("button", { name: button }).click();
  await page.getByRole("dialog").waitFor();
}

/** A person signed in with four weeks of sessions in their account, most days, pain easing. */
async function aMonthOfSessions(page: Page, env: ShotEnv) {
  const api = new ApiClient(overHttp, env.baseUrl.replace(/\/$/, ""));
  await api.signUp({ displayName: "Walter" });
  for (let back = 27; back >= 1; back--) {
    if (back % 7 === 3 || back % 5 === 0) continue;
    const day = new Date(morning.getTime() - back * 86_400_000).toISOString().slice(0, 10);
    const after = Math.max(1, Math.round(6 - (27 - back) / 6));
    await api.post(
      "/api/logs",
      sessionLog({ startedAt: `${day}T09:00:00Z`, endedAt: `${day}T09:12:00Z`, painBefore: after + 1, painAfter: after }),
    );
  }
  await signInAs(page.context(), env.baseUrl, api);
  await page.reload();
  await page.getByTestId("pain-summary").waitFor();
}

/** The client's own pages and states: the player's steps and questions, every kind of ending, and History from empty to a month. */
export const shotGroup = defineShots({
  area: "client",
  shots: [
    playerShot("player-hold", 16_000),
    {
      // The largest text in Settings: every control still on the screen during a hold.
      name: "player-hold-larger-text",
      route: "settings",
      fakeClockAt: morning,
      fullPage: false,
      show: async (page: Page) => {
        await page.getByLabel("Larger", { exact: true }).check();
        await page.goto(page.url().replace(/#.*$/, "#/play"));
        await start(page, 4);
        await page.clock.runFor(16_000);
      },
    },
    playerShot("player-paused", 20_000, (page) => page.getByRole("button", { name: "Pause" }).click()),
    playerShot("player-rest", (timeline.steps.find((s) => s.kind === "rest")!.offset + 2) * 1000),
    playerShot("dialog-end-session", 16_000, (page) => openDialog(page, "End session")),
    playerShot("dialog-restart", 16_000, (page) => openDialog(page, "Restart")),
    playerShot("pain-after", timeline.totalSeconds * 1000 + 2000, (page) =>
      page.getByRole("heading", { name: /how does your back feel now/i }).waitFor(),
    ),
    { name: "end-complete", route: "play", fakeClockAt: morning, show: (page) => playThrough(page, 4, 2) },
    { name: "end-worse-pain", route: "play", fakeClockAt: morning, show: (page) => playThrough(page, 6, 8) },
    {
      name: "end-ended-early",
      route: "play",
      fakeClockAt: morning,
      show: async (page) => {
        await start(page, 5);
        await page.clock.runFor(120_000);
        await endNow(page, 5);
      },
    },
    {
      name: "end-no-holds",
      route: "play",
      fakeClockAt: morning,
      show: async (page) => {
        await start(page, null);
        await endNow(page, null);
      },
    },
    { name: "history-empty", route: "history", fakeClockAt: morning },
    {
      name: "history-one-session",
      route: "play",
      fakeClockAt: morning,
      show: async (page, ctx) => {
        await playThrough(page, 5, 3);
        await page.goto(`${ctx.env.baseUrl}#/history`);
        await page.getByRole("heading", { name: "How it is going" }).waitFor();
      },
    },
    {
      name: "history-a-month",
      route: "history",
      fakeClockAt: morning,
      show: (page, ctx) => aMonthOfSessions(page, ctx.env),
    },
  ],
});
