import { defineShots } from "./shot.ts";

/** Limber's voice: ready before the session, heard during it, and chosen in Settings. */
export const shotGroup = defineShots({
  area: "soundtrack",
  shots: [
    {
      name: "voice-ready",
      route: "play",
      fullPage: false,
      show: async (page) => {
        await page.locator('[data-testid="voice-ready"][data-state="ready"]').waitFor();
      },
    },
    {
      name: "playing-with-limbers-voice",
      route: "play",
      fullPage: false,
      show: async (page) => {
        await page.locator('[data-testid="voice-ready"][data-state="ready"]').waitFor();
        await page.getByRole("button", { name: "2", exact: true }).click();
        await page.getByTestId("voice-mode").waitFor();
        await page.getByRole("button", { name: "Pause" }).click();
      },
    },
    {
      name: "settings-voice",
      route: "settings",
      show: async (page) => {
        await page.getByRole("heading", { name: "Voice and sound" }).waitFor();
      },
    },
  ],
});
