import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../content/index.ts";
import { compileTimeline } from "../src/core/timeline.ts";
import { useAppServer } from "./support/app-server.ts";
import { openApp } from "./support/limber-app.ts";

const program = builtInProgram(defaultProgramId)!;
const timeline = compileTimeline(program, null);
const morning = new Date("2026-11-25T08:00:00Z");
const app = useAppServer("words");

describe("the words a client reads", () => {
  it("says '1 second', not '1 seconds', on the countdown", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "play", { fakeClockAt: morning });
    await page.getByRole("button", { name: /skip and start/i }).click();
    await page.locator('section.player[data-status="playing"]').waitFor();
    await page.clock.runFor((timeline.steps[0]!.seconds - 1) * 1000 + 200);
    expect(await page.getByTestId("seconds-left").textContent()).toBe("1");
    expect(await page.locator(".ring .unit").textContent()).toBe("second");
    expect(await page.getByRole("timer").getAttribute("aria-label")).toBe("1 second left");
    await context.close();
  });

  it("names a rest once: 'Next: a short rest' before it, and 'Rest' with what to do during it", async () => {
    const rest = timeline.steps.findIndex((s) => s.kind === "rest");
    const { context, page } = await openApp(app.browser, app.server.url, "play", { fakeClockAt: morning });
    await page.getByRole("button", { name: /skip and start/i }).click();
    await page.locator('section.player[data-status="playing"]').waitFor();
    await page.clock.runFor((timeline.steps[rest - 1]!.offset + 1) * 1000);
    expect(await page.getByTestId("next").textContent()).toBe("Next: a short rest");
    await page.clock.runFor(timeline.steps[rest - 1]!.seconds * 1000);
    expect(await page.locator("#exercise-name").textContent()).toBe("Rest");
    expect(await page.getByTestId("phase").textContent()).toBe("Relax and breathe");
    expect(await page.locator("main").textContent()).not.toMatch(/Next: Rest\. Next:/);
    await context.close();
  });

  it("says each count on the Exercises page with its own plural, never '1 times' or '1 seconds'", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "exercises");
    const text = (await page.locator("main").textContent())!;
    expect(text).not.toMatch(/\b1 (times|seconds|sets)\b/);
    await context.close();
  });
});
