import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../content/index.ts";
import { cueMarks } from "../src/core/cues.ts";
import { SessionLog } from "../src/core/session-log.ts";
import { compileTimeline } from "../src/core/timeline.ts";
import { useStaticApp } from "./support/app-server.ts";
import { openApp, playerPosition, readStore } from "./support/limber-app.ts";
import { readObserved } from "./support/observed-outputs.ts";

const program = builtInProgram(defaultProgramId)!;
const timeline = compileTimeline(program, null);
const morning = new Date("2026-11-25T08:00:00Z");

const app = useStaticApp();

describe("a guided session in the browser", () => {
  it("runs the whole built-in session on an accelerated clock, requesting every cue and logging the result", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "play", { fakeClockAt: morning });
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __titles: string[] }).__titles = seen;
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="announcer"]');
        if (el?.textContent && seen[seen.length - 1] !== el.textContent) seen.push(el.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole("button", { name: "4", exact: true }).click();
    await page.locator("section.player").waitFor();

    await page.clock.runFor(timeline.totalSeconds * 1000 + 2000);
    await page.getByRole("heading", { name: /how does your back feel now/i }).waitFor();
    await page.getByRole("button", { name: "2", exact: true }).click();
    await page.getByRole("heading", { name: "Session complete" }).waitFor();

    const expectedSpeech = timeline.steps.flatMap((s) => cueMarks(s).map((m) => m.text));
    const observed = await readObserved(page);
    expect(observed.requested.map((s) => s.text)).toEqual(expectedSpeech);
    // Instructions always reach the voice; a countdown is dropped only while the voice is busy.
    const instructions = observed.requested.filter((r) => r.mode === "interrupt");
    expect(instructions.every((r) => !r.dropped)).toBe(true);
    expect(observed.spoken.map((s) => s.text)).toEqual(observed.requested.filter((r) => !r.dropped).map((r) => r.text));
    // Counted in what the page asked for, against the session's known make-up: 3 side switches,
    // 25 holds, 105 counts of 3-2-1 (the timing of the beeps is checked on real time in beep-schedule.test.ts).
    const switchSay = new Set(timeline.steps.filter((s) => s.kind === "switch-side").map((s) => s.say));
    expect(observed.requested.filter((r) => switchSay.has(r.text))).toHaveLength(3);
    expect(observed.spoken.filter((s) => s.text.includes("Hold for"))).toHaveLength(25);
    expect(observed.requested.filter((r) => r.mode === "if-idle" && /^[123]$/.test(r.text))).toHaveLength(105);
    expect(observed.spoken[observed.spoken.length - 1]!.text).toBe("That is the whole session. Well done.");
    expect(observed.wakeLockRequests).toBe(1);
    // One buzz for every cue: 50 step starts, 3 side switches, 25 halfway marks, 105 counts and the end.
    const buzzes = new Map<string, number>();
    for (const v of observed.vibrations) buzzes.set(v.join(","), (buzzes.get(v.join(",")) ?? 0) + 1);
    expect(Object.fromEntries(buzzes)).toEqual({ "180": 50, "180,120,180": 3, "60": 25, "40": 105, "250,150,250,150,400": 1 });

    const titles = await page.evaluate(() => (window as unknown as { __titles: string[] }).__titles);
    // The "done" step hands over to the pain question, whose heading takes focus and is read out.
    const shown = timeline.steps.filter((s) => s.kind !== "done").map((s) => s.title);
    const expectedTitles = shown.filter((t, i, all) => i === 0 || all[i - 1] !== t);
    expect(titles).toEqual(expectedTitles);

    const rows = await readStore<{ id: string; syncState: string; log: unknown }>(page, "sessions");
    expect(rows).toHaveLength(1);
    const log = SessionLog.parse(rows[0]!.log);
    expect(rows[0]!.syncState).toBe("pending");
    expect(rows[0]!.id).toBe(log.id);
    expect(log.completed).toBe(true);
    expect(log.painBefore).toBe(4);
    expect(log.painAfter).toBe(2);
    expect(log.holds).toHaveLength(25);
    expect(log.holds.every((h) => !h.skipped && h.heldSeconds === h.plannedSeconds)).toBe(true);
    expect(log.stepsDone).toBe(log.stepsTotal);
    // Wall-clock times come from the page's (faked) clock: the session began just after it was set.
    expect(Date.parse(log.startedAt) - morning.getTime()).toBeGreaterThanOrEqual(0);
    expect(Date.parse(log.startedAt) - morning.getTime()).toBeLessThan(60_000);
    // It ended when the last step did, not when the pain question was answered after it.
    expect(Date.parse(log.endedAt) - Date.parse(log.startedAt)).toBeGreaterThanOrEqual(timeline.totalSeconds * 1000);
    expect(Date.parse(log.endedAt) - Date.parse(log.startedAt)).toBeLessThan(timeline.totalSeconds * 1000 + 1000);

    const progress = await readStore<{ programId: string; sessionsProgressed: number }>(page, "progress");
    expect(progress).toEqual([expect.objectContaining({ programId: program.id, sessionsProgressed: 1 })]);
    expect(await readStore(page, "active")).toEqual([]);

    await page.getByRole("link", { name: "Back to today" }).click();
    expect(await page.getByTestId("last-session").textContent()).toBe("Today, completed");
    expect(await page.getByTestId("streak").textContent()).toBe("1 day");
    // A second day in a row would read "2 days in a row"; streak rules are unit-tested in streak.test.ts.
    await context.close();
  });

  it("after the phone was locked for a minute, catches up to the right step and speaks only the latest instruction", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "play", { fakeClockAt: morning });
    await page.getByRole("button", { name: /skip and start/i }).click();
    await page.locator('section.player[data-status="playing"]').waitFor();
    await page.clock.runFor(2_000);
    const before = (await readObserved(page)).requested.length;
    // A locked phone: no timer runs for 55.5 s, then the pending one fires once, late. It lands
    // 3.5 s into the fourth hold, with no cue due near that moment.
    await page.clock.fastForward(55_500);
    const at = 57_500;
    const expected = timeline.steps.findIndex((s) => s.offset * 1000 <= at && at < (s.offset + s.seconds) * 1000);
    await expect.poll(async () => (await playerPosition(page)).index).toBe(expected);
    const after = (await readObserved(page)).requested.slice(before);
    expect(after.map((r) => r.text)).toEqual([timeline.steps[expected]!.say]);
    await context.close();
  });

  it("holds the screen awake while playing and takes the lock again when the page is shown after losing it", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "play", { fakeClockAt: morning });
    await page.getByRole("button", { name: /skip and start/i }).click();
    await page.locator('section.player[data-status="playing"]').waitFor();
    const lockState = () =>
      page.evaluate(() => (window as unknown as { __wakeLocks: WakeLockSentinel[] }).__wakeLocks.map((l) => l.released));
    await expect.poll(lockState).toEqual([false]);

    // The browser drops the lock while the page is hidden; on showing it again, the app asks anew.
    await page.evaluate(async () => {
      await (window as unknown as { __wakeLocks: WakeLockSentinel[] }).__wakeLocks[0]!.release();
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await expect.poll(lockState).toEqual([true, false]);

    await page.keyboard.press("Space");
    await expect.poll(lockState).toEqual([true, true]);
    await context.close();
  });

  it("uses a hold set by hand in Settings for the next session, and keeps settings across reloads", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "settings");
    const longer = page.getByRole("button", { name: "Longer: Strap stretch: eversion and inversion: Turn the sole outward" });
    await longer.click();
    await longer.click();
    await page.getByLabel("Dark").check();
    await page.getByLabel("Slow").check();
    await expect
      .poll(
        async () =>
          (await readStore<{ exercises: Record<string, { holds: Record<string, number> }> }>(page, "progress"))[0]?.exercises[
            "strap-eversion-inversion"
          ]?.holds.eversion,
      )
      .toBe(20);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await page.getByLabel("Slow").isChecked()).toBe(true);

    await page.evaluate(() => (location.hash = "#/play"));
    await page.getByRole("button", { name: /skip and start/i }).click();
    await page.keyboard.press("ArrowRight");
    expect(await page.getByTestId("phase").textContent()).toBe("Turn the sole outward");
    expect(Number(await page.getByTestId("seconds-left").textContent())).toBeGreaterThan(18);
    const spoken = (await readObserved(page)).spoken;
    expect(spoken[spoken.length - 1]!.text).toMatch(/Hold for 20 seconds\.$/);
    expect(spoken[spoken.length - 1]!.rate).toBe(0.75);
    await context.close();
  });

  it("pauses and resumes by keyboard and by button without losing the place", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "play", { fakeClockAt: morning });
    await page.getByRole("button", { name: /skip and start/i }).click();
    await page.locator("section.player").waitFor();
    await page.clock.runFor(5_000);
    await page.locator("main").focus();
    await page.keyboard.press("Space");
    await expect.poll(() => playerPosition(page)).toEqual({ index: 0, status: "paused" });
    const left = await page.getByTestId("seconds-left").textContent();
    await page.clock.runFor(60_000);
    expect(await playerPosition(page)).toEqual({ index: 0, status: "paused" });
    expect(await page.getByTestId("seconds-left").textContent()).toBe(left);
    expect(await page.getByTestId("announcer").textContent()).toMatch(/^Paused\./);

    await page.keyboard.press("Space");
    await expect.poll(() => playerPosition(page)).toEqual({ index: 0, status: "playing" });
    await page.clock.runFor(10_500);
    expect(await playerPosition(page)).toEqual({ index: 1, status: "playing" });

    await page.getByRole("button", { name: "Pause" }).click();
    await page.clock.runFor(30_000);
    expect(await playerPosition(page)).toEqual({ index: 1, status: "paused" });
    await page.getByRole("button", { name: "Resume" }).click();
    expect((await playerPosition(page)).status).toBe("playing");

    await page.keyboard.press("ArrowRight");
    expect((await playerPosition(page)).index).toBe(2);
    await page.keyboard.press("ArrowLeft");
    expect((await playerPosition(page)).index).toBe(1);

    // Leaving for the home page keeps the session, paused, and offers to continue it.
    await page.getByRole("link", { name: "Limber, home" }).click();
    await page.getByRole("link", { name: "Continue your session" }).click();
    await page.locator("section.player").waitFor();
    expect(await playerPosition(page)).toEqual({ index: 1, status: "paused" });

    const spoken = (await readObserved(page)).requested.map((s) => s.text);
    expect(spoken).toContain("Paused.");
    expect(spoken.filter((t) => t.startsWith("Resuming."))).toHaveLength(2);
    await context.close();
  });

  it("resumes at the same step after a reload in the middle of the session", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "play", { fakeClockAt: morning });
    await page.getByRole("button", { name: "6", exact: true }).click();
    await page.locator("section.player").waitFor();
    // Into the second hold: prepare 15 s, hold 10 s, ease off 3 s, then 4 s of the next hold.
    await page.clock.runFor(32_000);
    expect(await playerPosition(page)).toEqual({ index: 3, status: "playing" });
    await expect.poll(async () => (await readStore<{ player: { index: number } }>(page, "active"))[0]?.player.index).toBe(3);

    await page.reload();
    await page.locator("section.player").waitFor();
    expect(await playerPosition(page)).toEqual({ index: 3, status: "paused" });
    expect(await page.getByTestId("phase").textContent()).toBe("Turn the sole inward");
    expect(await page.getByTestId("where").textContent()).toBe("Left foot · 1 of 3");
    await page.getByRole("button", { name: "Resume" }).click();
    await page.clock.runFor(11_000);
    expect((await playerPosition(page)).index).toBe(4);

    await page.getByRole("button", { name: "End session" }).click();

    await page.getByRole("dialog").getByRole("button", { name: "End session" }).click();
    await page.getByRole("button", { name: "Skip", exact: true }).click();
    await page.getByRole("heading", { name: "Session ended" }).waitFor();
    const rows = await readStore<{ log: unknown }>(page, "sessions");
    const log = SessionLog.parse(rows[0]!.log);
    expect(log.completed).toBe(false);
    expect(log.painBefore).toBe(6);
    expect(log.painAfter).toBeNull();
    expect(log.holds.slice(0, 2).map((h) => h.phaseId)).toEqual(["eversion", "inversion"]);
    await context.close();
  });
});
