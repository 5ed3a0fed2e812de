import type { Page } from "playwright-core";
import { ApiClient, overHttp } from "../../test/support/api-client.ts";
import { signInAs } from "../support/coach-practice.ts";
import { defineShots, type Shot, type ShotEnv } from "./shot.ts";

/**
 * Every picture of the library where a person meets it: the foot close-ups on Learn, each exercise's start and
 * hold pictures on Exercises, and the player getting ready and holding. Shot with reduced motion, so each moving
 * picture stands at the end of its movement with its arrow, as it does for people who ask for less motion.
 */

async function still(page: Page) {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

const card = (name: string, exerciseId: string): Shot<{ coach: ApiClient }> => ({
  name: `exercises-${name}`,
  route: "exercises",
  fullPage: false,
  show: async (page) => {
    await still(page);
    await page.locator(`#exercise-${exerciseId}`).evaluate((el) => el.scrollIntoView({ block: "start" }));
  },
});

/** Starts a session (skipping the pain question) and skips ahead until the player shows this picture in this mode. */
async function playUntil(page: Page, picture: string, mode: "start" | "move") {
  await still(page);
  await page.getByRole("button", { name: /skip and start/i }).click();
  const shown = page.locator(`section.player svg[data-picture="${picture}"][data-mode="${mode}"]`);
  for (let i = 0; i < 80 && (await shown.count()) === 0; i++) await page.getByRole("button", { name: "Skip", exact: true }).click();
  await shown.waitFor();
  await still(page);
}

const player = (name: string, picture: string, mode: "start" | "move"): Shot<{ coach: ApiClient }> => ({
  name: `player-${name}`,
  route: "play",
  fullPage: false,
  fakeClockAt: new Date("2026-11-25T08:00:00Z"),
  show: (page) => playUntil(page, picture, mode),
});

/** A coach of their own practice, for the editor's picture picker. */
async function prepare(env: ShotEnv): Promise<{ coach: ApiClient }> {
  const coach = new ApiClient(overHttp, env.baseUrl.replace(/\/$/, ""));
  await coach.signUp({ displayName: "Pat Lee", email: `pictures-coach-${Date.now()}@example.org`, role: "coach" });
  return { coach };
}

export const shotGroup = defineShots<{ coach: ApiClient }>({
  area: "pictures",
  prepare,
  shots: [
    { name: "learn", route: "learn", show: (page) => still(page) },
    card("strap", "strap-eversion-inversion"),
    card("toe", "toe-dorsiflexion-plantar-flexion"),
    card("calf", "wall-calf-stretch"),
    card("kneeling", "kneeling-shin-stretch"),
    { name: "exercises-all", route: "exercises", show: (page) => still(page) },
    player("prepare-strap", "strap-eversion", "start"),
    player("hold-strap-eversion", "strap-eversion", "move"),
    player("hold-strap-inversion", "strap-inversion", "move"),
    player("hold-toe-up", "toe-dorsiflexion", "move"),
    player("hold-toe-down", "toe-plantar-flexion", "move"),
    player("hold-calf", "calf-at-wall", "move"),
    player("hold-kneeling", "kneeling-shin", "move"),
    {
      name: "editor-picker",
      fullPage: false,
      show: async (page, ctx) => {
        await signInAs(page.context(), ctx.env.baseUrl, ctx.data.coach);
        await page.goto(`${ctx.env.baseUrl}#/editor`);
        await page.reload();
        await page.getByRole("button", { name: "Open in the editor" }).click();
        await still(page);
        await page
          .locator(".picture-picker")
          .first()
          .evaluate((el) => el.scrollIntoView({ block: "start" }));
      },
    },
  ],
});
