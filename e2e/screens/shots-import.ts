import { defineShots } from "./shot.ts";

/** A real handout with sets × reps, a breath hold and a hold said once for every stretch, read into the Import form. */
const handout = [
  "Hold each stretch for 20 to 30 seconds.",
  "",
  "Heel raises",
  "Stand behind a chair and hold the back of it. Rise up onto your toes and lower slowly. Do 3 sets of 12 and rest 45 seconds between sets.",
  "",
  "Child's pose",
  "Kneel and sit back on your heels, arms forward. Stay for 5 slow breaths.",
  "",
  "Seated hamstring stretch",
  "Sit on the edge of a chair with one leg straight and lean forward. Repeat 3 times on each side.",
].join("\n");

/** The Import page once it has read a routine: the form with the values it found and its "Check" marks. */
export const shotGroup = defineShots({
  area: "import",
  shots: [
    {
      name: "import-read-sets-breaths",
      route: "import",
      show: async (page) => {
        await page.getByLabel("Paste the routine’s text").fill(handout);
        await page.getByRole("button", { name: "Read the routine" }).click();
        await page.getByRole("heading", { name: "What Limber found" }).waitFor();
      },
    },
  ],
});
