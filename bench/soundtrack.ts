/**
 * The session as one soundtrack (issue: hands-free with the screen locked), measured in the system Chromium
 * on the built app:
 *  1. cue onsets in the rendered soundtrack itself against the timeline's due instants, for the whole of
 *     built-in session 1 (tones only, so each onset can be found in the samples);
 *  2. the baseline in the same run: the device-voice player's cue times against the same schedule for the
 *     first BENCH_BASELINE_SECONDS (as bench/timer-accuracy.ts measures them);
 *  3. a page frozen (CDP Page.setWebLifecycleState "frozen") for BENCH_FREEZE_SECONDS during a hold: on
 *     thawing, the step and time left on screen against the sound's position;
 *  4. time from opening the player to Limber's voice being ready, and from the Start tap to the first sound,
 *     on a first visit and on a visit with the clips cached by the service worker.
 *
 *   npm run bench:soundtrack                       (about 3 minutes)
 *   BENCH_FREEZE_SECONDS=10 BENCH_BASELINE_SECONDS=20 npm run bench:soundtrack   quicker, less telling
 */
import type { BrowserContext, Page } from "playwright-core";
import { builtInProgram, defaultProgramId } from "../content/index.ts";
import { cueMarks } from "../src/core/cues.ts";
import { toneFor } from "../src/core/soundtrack/tones.ts";
import { compileTimeline } from "../src/core/timeline.ts";
import { launchBrowser } from "../e2e/support/browser.ts";
import { serveStatic } from "../e2e/support/static-server.ts";
import { beginRun, runHeader, writeSection } from "./benchmarks-section.ts";
import { buildWebApp, summarise } from "./web-build.ts";

const freezeSeconds = Number(process.env.BENCH_FREEZE_SECONDS ?? 60);
const baselineSeconds = Number(process.env.BENCH_BASELINE_SECONDS ?? 60);
const run = beginRun("bench:soundtrack", { BENCH_FREEZE_SECONDS: freezeSeconds, BENCH_BASELINE_SECONDS: baselineSeconds });
const timeline = compileTimeline(builtInProgram(defaultProgramId)!, null);
const stepStartMs = (i: number) => timeline.steps[i]!.offset * 1000;

/** Remembers the soundtrack's media element as the app first plays it. */
function keepTrack(context: BrowserContext) {
  return context.addInitScript(() => {
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      const w = window as unknown as { __track?: HTMLMediaElement; __firstPlayingAt?: number };
      if (!w.__track) {
        w.__track = this;
        this.addEventListener("playing", () => (w.__firstPlayingAt ??= performance.now()), { once: true });
      }
      return play.call(this);
    };
  });
}

async function chooseSettings(page: Page, base: string, o: { device?: boolean; voiceOff?: boolean }) {
  await page.goto(`${base}#/settings`);
  await page.locator("main h1").waitFor();
  if (o.device) await page.getByRole("radio", { name: "This device’s voice" }).check();
  if (o.voiceOff) await page.getByLabel("Spoken instructions").uncheck();
}

const dir = await buildWebApp();
const server = await serveStatic(dir);
const browser = await launchBrowser();
const lines: string[] = [];
try {
  // 1. Onsets in the rendered soundtrack (tones only).
  const expected = timeline.steps.flatMap((s, i) =>
    cueMarks(s)
      .filter((m) => toneFor(m.kind, s.kind) !== null)
      .map((m) => stepStartMs(i) + m.offsetMs),
  );
  let onsetErrors: number[];
  {
    const context = await browser.newContext();
    await keepTrack(context);
    const page = await context.newPage();
    await chooseSettings(page, server.url, { voiceOff: true });
    await page.goto(`${server.url}#/play`);
    await page.locator('[data-testid="voice-ready"][data-state="ready"]').waitFor();
    await page.getByRole("button", { name: /skip and start/i }).click();
    await page.waitForFunction(() => (window as unknown as { __track?: HTMLMediaElement }).__track !== undefined);
    // The WAV the media element plays, read back and searched for each tone's first sample.
    onsetErrors = await page.evaluate(async (due: number[]) => {
      const track = (window as unknown as { __track: HTMLMediaElement }).__track;
      const bytes = new DataView(await (await fetch(track.src)).arrayBuffer());
      const rate = bytes.getUint32(24, true);
      const count = (bytes.byteLength - 44) / 2;
      return due.map((ms) => {
        const from = Math.round(((ms - 150) * rate) / 1000);
        let i = Math.max(0, from);
        while (i < count && bytes.getInt16(44 + i * 2, true) === 0) i++;
        // A note starts at zero and its first non-zero sample is the one after its onset.
        return ((i - 1) * 1000) / rate - ms;
      });
    }, expected);
    await context.close();
  }

  // 2. Baseline: the device voice's cue times against the schedule, same run.
  let baselineErrors: number[];
  {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const seen: { t: number; dueAt: number }[] = [];
      (window as unknown as { __cues: typeof seen }).__cues = seen;
      window.addEventListener("limber:speech", (e) =>
        seen.push({ t: performance.now(), dueAt: (e as CustomEvent<{ dueAt: number }>).detail.dueAt }),
      );
    });
    const page = await context.newPage();
    await chooseSettings(page, server.url, { device: true });
    await page.goto(`${server.url}#/play`);
    await page.getByRole("button", { name: /skip and start/i }).click();
    await page.waitForTimeout(baselineSeconds * 1000 + 500);
    const cues = await page.evaluate(() => (window as unknown as { __cues: { t: number; dueAt: number }[] }).__cues);
    const planned = timeline.steps
      .flatMap((s, i) => cueMarks(s).map((m) => stepStartMs(i) + m.offsetMs))
      .filter((ms) => ms <= baselineSeconds * 1000);
    const start = cues[0]!.dueAt;
    baselineErrors = planned.slice(1).map((ms, i) => (cues[i + 1] ? cues[i + 1]!.t - (start + ms) : NaN));
    await context.close();
  }

  // 3. Frozen during a hold.
  let thaw: { errorMs: number; index: number; soundMs: number; caughtUpMs: number };
  {
    const context = await browser.newContext();
    await keepTrack(context);
    await context.addInitScript(() => {
      const seen: { at: number; index: number; remainingMs: number; soundMs: number }[] = [];
      (window as unknown as { __renders: typeof seen }).__renders = seen;
      new MutationObserver(() => {
        const ring = document.querySelector("[data-remaining-ms]");
        const track = (window as unknown as { __track?: HTMLMediaElement }).__track;
        if (!ring || !track) return;
        seen.push({
          at: performance.now(),
          index: Number(document.querySelector("section.player")?.getAttribute("data-step-index")),
          remainingMs: Number(ring.getAttribute("data-remaining-ms")),
          soundMs: track.currentTime * 1000,
        });
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-remaining-ms", "data-step-index"] });
    });
    const page = await context.newPage();
    await page.goto(`${server.url}#/play`);
    await page.locator('[data-testid="voice-ready"][data-state="ready"]').waitFor();
    await page.getByRole("button", { name: /skip and start/i }).click();
    await page.keyboard.press("ArrowRight"); // to the first hold
    await page.waitForTimeout(1000);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Page.setWebLifecycleState", { state: "frozen" });
    await new Promise((r) => setTimeout(r, freezeSeconds * 1000));
    const thawedAt = await page.evaluate(() => performance.now()).catch(() => NaN);
    await cdp.send("Page.setWebLifecycleState", { state: "active" });
    const thawWall = await page.evaluate(() => performance.now());
    await page.waitForTimeout(1500);
    const renders = await page.evaluate(
      () => (window as unknown as { __renders: { at: number; index: number; remainingMs: number; soundMs: number }[] }).__renders,
    );
    const first = renders.find((r) => r.at >= thawWall - 5 && r.soundMs > 0) ?? renders[renders.length - 1]!;
    const shownMs = stepStartMs(first.index) + timeline.steps[first.index]!.seconds * 1000 - first.remainingMs;
    thaw = {
      errorMs: first.soundMs - shownMs,
      index: first.index,
      soundMs: first.soundMs,
      caughtUpMs: first.at - (Number.isNaN(thawedAt) ? thawWall : thawWall),
    };
    await context.close();
  }

  // 4. Ready and first-sound times, first visit and with the clips cached.
  const visits: { visit: string; readyMs: number; tapToSoundMs: number }[] = [];
  {
    const context = await browser.newContext();
    await keepTrack(context);
    const page = await context.newPage();
    for (const visit of ["first visit", "second visit (service worker installed)", "third visit (clips cached)"]) {
      const opened = Date.now();
      await page.goto(`${server.url}#/play`);
      await page.reload();
      await page.locator('[data-testid="voice-ready"][data-state="ready"]').waitFor();
      const readyMs = Date.now() - opened;
      const tappedAt = await page.evaluate(() => performance.now());
      await page.getByRole("button", { name: /skip and start/i }).click();
      await page.waitForFunction(() => (window as unknown as { __firstPlayingAt?: number }).__firstPlayingAt !== undefined);
      const playingAt = await page.evaluate(() => (window as unknown as { __firstPlayingAt: number }).__firstPlayingAt);
      visits.push({ visit, readyMs, tapToSoundMs: playingAt - tappedAt });
      await page.getByRole("button", { name: "End session" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "End session" }).click();
      await page.getByRole("heading", { name: /how does your back feel now/i }).waitFor();
      await page.getByRole("button", { name: "Skip", exact: true }).click();
      await page.locator("main h1").waitFor();
      await page.evaluate(() => delete (window as unknown as { __firstPlayingAt?: number }).__firstPlayingAt);
    }
    await context.close();
  }

  const abs = (xs: number[]) => xs.filter((x) => Number.isFinite(x)).map(Math.abs);
  const fmt = (x: number) => x.toFixed(2);
  const o = summarise(abs(onsetErrors));
  const b = summarise(abs(baselineErrors));
  lines.push(
    "## Soundtrack: cues in the rendered sound, a frozen page, time to the first sound",
    "",
    ...runHeader(run),
    `Chromium ${browser.version()}.`,
    "",
    "| cue timing, built-in session 1 | cues | median abs error ms | p99 abs error ms | max abs error ms |",
    "|---|---|---|---|---|",
    `| soundtrack: tone onsets found in the rendered WAV, whole session | ${o.n} | ${fmt(o.median)} | ${fmt(o.p99)} | ${fmt(o.max)} |`,
    `| baseline, same run: device-voice player, cue reaching the speech adapter, first ${baselineSeconds} s | ${b.n} | ${fmt(b.median)} | ${fmt(b.p99)} | ${fmt(b.max)} |`,
    "",
    `Frozen page: frozen ${freezeSeconds} s during the first hold; on thawing the screen showed step ${thaw.index} with the sound at ${(thaw.soundMs / 1000).toFixed(2)} s; ` +
      `screen position minus sound position at the first re-render: ${fmt(thaw.errorMs)} ms.`,
    "",
    "| visit | player opened → Limber's voice ready, ms | Start tap → first sound (media element playing), ms |",
    "|---|---|---|",
    ...visits.map((v) => `| ${v.visit} | ${v.readyMs} | ${v.tapToSoundMs.toFixed(0)} |`),
    "",
  );
  await writeSection("web-soundtrack", lines);
} finally {
  await browser.close();
  await server.close();
}
