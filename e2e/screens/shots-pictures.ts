import type { Page } from "playwright-core";
import { defineShots, type Shot } from "./shot.ts";

/**
 * Every picture of the library where a person meets it: the foot close-ups on Learn, each exercise's start and
 * hold pictures on Exercises, and the player getting ready and holding. Shot with reduced motion, so each moving
 * picture stands at the end of its movement with its arrow, as it does for people who ask for less motion.
 */

async function still(page: Page) {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

const card = (name: string, exerciseId: string): Shot => ({
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

const player = (name: string, picture: string, mode: "start" | "move"): Shot => ({
  name: `player-${name}`,
  route: "play",
  fullPage: false,
  fakeClockAt: new Date("2026-11-25T08:00:00Z"),
  show: (page) => playUntil(page, picture, mode),
});

export const shotGroup = defineShots({
  area: "pictures",
  shots: [
    { name: "learn", route: "learn", show: still },
    card("strap", "strap-eversion-inversion"),
    card("toe", "toe-dorsiflexion-plantar-flexion"),
    card("calf", "wall-calf-stretch"),
    card("kneeling", "kneeling-shin-stretch"),
    { name: "exercises-all", route: "exercises", show: still },
    player("prepare-strap", "strap-eversion", "start"),
    player("hold-strap-eversion", "strap-eversion", "move"),
    player("hold-strap-inversion", "strap-inversion", "move"),
    player("hold-toe-up", "toe-dorsiflexion", "move"),
    player("hold-toe-down", "toe-plantar-flexion", "move"),
    player("hold-calf", "calf-at-wall", "move"),
    player("hold-kneeling", "kneeling-shin", "move"),
  ],
});
