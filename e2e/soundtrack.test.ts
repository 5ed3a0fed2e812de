import { mkdir, writeFile } from "node:fs/promises";
import type { CDPSession, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../content/index.ts";
import { compileTimeline } from "../src/core/timeline.ts";
import { useStaticApp } from "./support/app-server.ts";
import { openApp, playerPosition } from "./support/limber-app.ts";

const program = builtInProgram(defaultProgramId)!;
const timeline = compileTimeline(program, null);
const app = useStaticApp();

type Handlers = Record<string, (details: { action: string; seekTime?: number }) => void>;

/** Keeps the handlers the app gives the Media Session, so a test can press the lock screen's buttons. */
async function recordLockScreenHandlers(page: Page) {
  await page.addInitScript(() => {
    const handlers: Handlers = {};
    (window as unknown as { __lockScreen: Handlers }).__lockScreen = handlers;
    const set = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
    navigator.mediaSession.setActionHandler = (action, handler) => {
      if (handler) handlers[action] = handler as Handlers[string];
      else delete handlers[action];
      set(action, handler);
    };
  });
}

const press = (page: Page, action: string, seekTime?: number) =>
  page.evaluate(
    ([a, t]) =>
      (window as unknown as { __lockScreen: Handlers }).__lockScreen[a as string]!({
        action: a as string,
        seekTime: t as number | undefined,
      }),
    [action, seekTime] as const,
  );

/** Where the sound is, and the step and time left that the screen shows, read in one go. */
async function soundAndScreen(page: Page) {
  return page.evaluate(() => {
    const audio =
      document.querySelector<HTMLAudioElement>("audio[data-limber-soundtrack]") ??
      (window as unknown as { __track?: HTMLAudioElement }).__track!;
    const section = document.querySelector("section.player")!;
    return {
      soundMs: audio.currentTime * 1000,
      paused: audio.paused,
      index: Number(section.getAttribute("data-step-index")),
      status: section.getAttribute("data-status"),
      title: navigator.mediaSession.metadata?.title ?? null,
      artist: navigator.mediaSession.metadata?.artist ?? null,
    };
  });
}

const stepStartMs = (index: number) => timeline.steps[index]!.offset * 1000;

async function startSession(page: Page) {
  await page.getByRole("button", { name: "3", exact: true }).click();
  await page.locator('section.player[data-status="playing"]').waitFor();
  await page.getByTestId("voice-mode").waitFor();
}

/**
 * The player with Limber's voice, its media element kept as `__track` when first played (and the
 * lock screen's handlers kept, when asked), at the first pain question.
 */
async function openPlayer(o: { lockScreen?: boolean } = {}) {
  const opened = await openApp(app.browser, app.server.url, "play", { voice: "limber" });
  const { page } = opened;
  if (o.lockScreen) await recordLockScreenHandlers(page);
  await page.addInitScript(() => {
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      (window as unknown as { __track: HTMLMediaElement }).__track = this;
      return play.call(this);
    };
  });
  await page.reload();
  await page.getByRole("heading", { name: /how does your back feel right now/i }).waitFor();
  return opened;
}

describe("a session heard through its soundtrack", () => {
  it("plays the whole session through one media element whose position is the session's clock", async () => {
    const { context, page } = await openPlayer();
    // The soundtrack is made while the person answers the first question, and the page says when it is ready.
    await page.locator('[data-testid="voice-ready"][data-state="ready"]').waitFor();
    expect(await page.getByTestId("voice-ready").textContent()).toBe(
      "Limber’s voice is ready: once you start, you can lock the screen and listen.",
    );
    await startSession(page);
    expect(await page.getByTestId("voice-mode").getAttribute("data-mode")).toBe("soundtrack");
    await page.waitForFunction(() => ((window as unknown as { __track?: HTMLMediaElement }).__track?.currentTime ?? 0) > 0.8);
    const now = await soundAndScreen(page);
    expect(now.paused).toBe(false);
    expect(now.index).toBe(0);
    const duration = await page.evaluate(() => (window as unknown as { __track: HTMLMediaElement }).__track.duration);
    // The session's 380 s of holds and its setup, rest and release steps, plus the last chime and words.
    expect(duration).toBeGreaterThan(timeline.totalSeconds);
    expect(duration).toBeLessThan(timeline.totalSeconds + 8);
    await context.close();
  });

  it("shows the step on the lock screen, and its buttons pause, play, skip, go back and seek to step boundaries", async () => {
    const { context, page } = await openPlayer({ lockScreen: true });
    await page.locator('[data-testid="voice-ready"][data-state="ready"]').waitFor();
    await startSession(page);
    let s = await soundAndScreen(page);
    expect([s.title, s.artist]).toEqual(["Strap stretch: eversion and inversion", program.title]);

    await press(page, "pause");
    s = await soundAndScreen(page);
    expect([s.status, s.paused]).toEqual(["paused", true]);
    await press(page, "play");
    s = await soundAndScreen(page);
    expect([s.status, s.paused]).toEqual(["playing", false]);

    // Paused, the sound stays where each move put it, so its position can be read exactly.
    await press(page, "pause");
    await press(page, "nexttrack");
    s = await soundAndScreen(page);
    expect(s.index).toBe(1);
    expect(s.title).toBe(`Strap stretch: eversion and inversion · ${timeline.steps[1]!.phaseName}`);
    // The lock screen's artwork becomes the movement's picture, drawn from the one on screen.
    const artwork = await page.waitForFunction(() => {
      const src = navigator.mediaSession.metadata?.artwork[0]?.src ?? "";
      return src.startsWith("data:image/png;base64,") ? src : null;
    });
    const png = Buffer.from(((await artwork.jsonValue()) as string).split(",")[1]!, "base64");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    await mkdir("test-results/screens", { recursive: true });
    await writeFile("test-results/screens/soundtrack-lock-screen-artwork.png", png);
    expect(Math.abs(s.soundMs - stepStartMs(1))).toBeLessThan(5);

    await press(page, "nexttrack");
    await press(page, "nexttrack");
    s = await soundAndScreen(page);
    expect(s.index).toBe(3);
    expect(Math.abs(s.soundMs - stepStartMs(3))).toBeLessThan(5);

    await press(page, "previoustrack");
    s = await soundAndScreen(page);
    expect(s.index).toBe(2);
    expect(Math.abs(s.soundMs - stepStartMs(2))).toBeLessThan(5);

    // Seeking to 5 s into the third hold lands on that hold's start.
    const third = timeline.steps.findIndex(
      (step, i) => step.kind === "hold" && timeline.steps.slice(0, i).filter((x) => x.kind === "hold").length === 2,
    );
    expect(timeline.steps[third]!.seconds).toBeGreaterThan(5);
    await press(page, "seekto", timeline.steps[third]!.offset + 5);
    s = await soundAndScreen(page);
    expect(s.index).toBe(third);
    expect(Math.abs(s.soundMs - stepStartMs(third))).toBeLessThan(5);
    expect([s.status, s.paused]).toEqual(["paused", true]);
    await press(page, "play");
    s = await soundAndScreen(page);
    expect([s.index, s.status, s.paused]).toEqual([third, "playing", false]);
    await context.close();
  });

  it("pauses the session when something outside the app pauses the sound, and the app's Pause pauses the sound", async () => {
    const { context, page } = await openPlayer();
    await page.locator('[data-testid="voice-ready"][data-state="ready"]').waitFor();
    await startSession(page);
    await page.evaluate(() => (window as unknown as { __track: HTMLMediaElement }).__track.pause());
    await page.locator('section.player[data-status="paused"]').waitFor();
    await page.getByRole("button", { name: "Resume" }).click();
    let s = await soundAndScreen(page);
    expect([s.status, s.paused]).toEqual(["playing", false]);
    await page.getByRole("button", { name: "Pause" }).click();
    s = await soundAndScreen(page);
    expect([s.status, s.paused]).toEqual(["paused", true]);
    await context.close();
  });

  it("comes back from a frozen page on the step and second the sound has reached", async () => {
    const { context, page } = await openPlayer();
    await page.locator('[data-testid="voice-ready"][data-state="ready"]').waitFor();
    await startSession(page);
    await page.keyboard.press("ArrowRight"); // into the first hold
    await page.locator('section.player[data-step-index="1"]').waitFor();
    const cdp: CDPSession = await context.newCDPSession(page);
    // Frozen past the end of the hold, into the steps after it.
    await cdp.send("Page.setWebLifecycleState", { state: "frozen" });
    await new Promise((r) => setTimeout(r, timeline.steps[1]!.seconds * 1000 + 3000));
    await cdp.send("Page.setWebLifecycleState", { state: "active" });
    await page.waitForFunction(
      (starts) => {
        const audio = (window as unknown as { __track: HTMLMediaElement }).__track;
        const index = Number(document.querySelector("section.player")?.getAttribute("data-step-index"));
        return index === starts.findLastIndex((ms) => ms <= audio.currentTime * 1000);
      },
      timeline.steps.map((_, i) => stepStartMs(i)),
    );
    const s = await soundAndScreen(page);
    expect(s.index).toBeGreaterThan(1);
    const remaining = Number(await page.locator("[data-remaining-ms]").getAttribute("data-remaining-ms"));
    const shownMs = stepStartMs(s.index) + timeline.steps[s.index]!.seconds * 1000 - remaining;
    // The ring re-renders on each whole second, so what it last showed is at most a second behind the sound.
    expect(s.soundMs - shownMs).toBeGreaterThanOrEqual(-50);
    expect(s.soundMs - shownMs).toBeLessThan(1050);
    await context.close();
  });
});
