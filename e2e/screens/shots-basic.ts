import { defineShots } from "./shot.ts";

/** The pages anyone meets before signing in. */
export const shotGroup = defineShots({
  area: "basic",
  shots: [
    { name: "home", route: "", fakeClockAt: new Date("2026-11-25T08:00:00Z") },
    { name: "exercises", route: "exercises" },
    { name: "learn", route: "learn" },
    { name: "settings", route: "settings" },
    { name: "more", route: "more" },
    { name: "account", route: "account" },
    { name: "import", route: "import" },
    { name: "history", route: "history", fakeClockAt: new Date("2026-11-25T08:00:00Z") },
    { name: "pain-before", route: "play", fullPage: false },
  ],
});
