import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { draftToProgram, importRoutine } from "../src/core/import/index.ts";
import { compileTimeline } from "../src/core/timeline.ts";
import { startServer, type RunningServer } from "../src/server/server.ts";
import { ApiClient, overHttp } from "../test/support/api-client.ts";
import { useStaticApp } from "./support/app-server.ts";
import { axeViolations } from "./support/axe.ts";
import { openApp, phone, readStore, signInOnAccountPage } from "./support/limber-app.ts";

const shots = "test-results/screenshots";
const seedDir = resolve(import.meta.dirname, "../../shared/seed");
const app = useStaticApp();
let seed: string;

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  const file = (await readdir(seedDir)).find((f) => f.endsWith(".txt"))!;
  seed = await readFile(join(seedDir, file), "utf8");
});

const field = (page: Page, path: string) => page.locator(`#field-${path.replace(/[^A-Za-z0-9]+/g, "-").replace(/-+$/, "")}`);
const hold = (i: number, end: "min" | "max") => `exercises[${i}].phases[0].holdSeconds.${end}`;

async function importSeed(page: Page) {
  await page.getByLabel("Paste the routine’s text").fill(seed);
  await page.getByRole("button", { name: "Read the routine" }).click();
  await page.getByRole("heading", { name: "What Limber found" }).waitFor();
}

/** Controls smaller than 44 px each way; marks inside the running source text are exempt, as inline targets. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("main button:not(.mark-button), main .button, main input, main select, main textarea")]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 44 || r.height < 44))
      .map(({ el, r }) => `${el.tagName} ${el.id} ${Math.round(r.width)}x${Math.round(r.height)}`),
  );
}

describe("the Import page", () => {
  it("reads the seed article into a draft beside its marked source, explains a bad edit in place, saves it and finds it after a reload", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "import");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Import a routine");
    await importSeed(page);

    // The article's four exercises, with its holds.
    expect(await page.locator("fieldset.exercise-fields").count()).toBe(4);
    const holds = [];
    for (let i = 0; i < 4; i++)
      holds.push([await field(page, hold(i, "min")).inputValue(), await field(page, hold(i, "max")).inputValue()]);
    expect(holds).toEqual([
      ["10", "20"],
      ["20", "30"],
      ["20", "30"],
      ["20", "60"],
    ]);

    // Every hold is marked in the source, and each mark says which field it fed.
    const holdMarks = page.locator('mark.found[data-fields*="holdSeconds.min"]');
    expect(await holdMarks.allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^10-20 seconds/),
        expect.stringMatching(/^20-30 seconds/),
        expect.stringMatching(/^20-60 seconds/),
      ]),
    );
    expect(await holdMarks.count()).toBe(6);
    const shinMark = page.getByRole("button", {
      name: /^20-60 seconds \(used for Shin Stretch, .*shortest hold \(seconds\) and .*longest hold/,
    });
    expect(await shinMark.count()).toBe(1);

    // Selecting a field lights its words in the source; pressing the words goes to the field.
    await field(page, hold(3, "max")).focus();
    expect(await page.locator("mark.found.current").allTextContents()).toEqual([expect.stringMatching(/^20-60 seconds/)]);
    await page
      .getByRole("button", { name: /^10-20 seconds/ })
      .first()
      .click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-exercises-0-phases-0-holdSeconds-min");
    expect(await page.locator("mark.found.current").allTextContents()).toEqual([expect.stringMatching(/^10-20 seconds/)]);

    // What was not understood is listed; an unsure value is marked for checking.
    const unparsed = importRoutine(seed).unparsed;
    expect(await page.getByTestId("unparsed").getByRole("listitem").count()).toBe(unparsed.length);
    const unusedInSource = (await page.locator(".source-text .unused").allTextContents()).join("");
    for (const u of unparsed) expect(unusedInSource).toContain(`${seed.slice(u.span.start, u.span.end)} (not used)`);
    const badges = await page.locator(".check-badge").count();
    expect(badges).toBeGreaterThan(0);
    expect(await page.getByTestId("found-summary").textContent()).toBe(
      `4 exercises. ${badges} values are marked “Check”; look over every field before you save.`,
    );

    // The live summary is the compiled session of the program on the form.
    const made = draftToProgram(importRoutine(seed));
    if (!made.ok) throw new Error("the seed article should import");
    const first = compileTimeline(made.program, null);
    expect(await page.getByTestId("session-length").textContent()).toBe(
      `${first.holdCount} holds, about ${Math.round(first.totalSeconds / 60)} minutes in all (first session).`,
    );

    // Fix a field: rename an exercise.
    await field(page, "exercises[2].name").fill("Wall calf stretch");
    expect(await page.locator("fieldset.exercise-fields > legend").nth(2).textContent()).toBe("Exercise 3: Wall calf stretch");

    // An impossible hold is explained at the field, announced, and blocks saving.
    await field(page, hold(0, "min")).fill("25");
    const error = page.locator("#field-exercises-0-phases-0-holdSeconds-max-error");
    expect(await error.textContent()).toBe("The shortest hold is longer than the longest. Make the first number the smaller one.");
    expect(await field(page, hold(0, "max")).getAttribute("aria-invalid")).toBe("true");
    expect(await field(page, hold(0, "max")).getAttribute("aria-describedby")).toContain(
      "field-exercises-0-phases-0-holdSeconds-max-error",
    );
    const status = page.getByTestId("save-status");
    expect(await status.getAttribute("role")).toBe("status");
    expect(await status.textContent()).toBe("One field needs fixing before saving.");
    expect(await page.getByTestId("session-length").textContent()).toBe("Fix the fields marked above to see the session.");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Save to this device" }).click();
    expect(await status.textContent()).toMatch(
      /^Not saved yet: one field needs fixing\. The first is Inversion and Eversion Strap Stretch, .*longest hold/,
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-exercises-0-phases-0-holdSeconds-max");
    expect(await readStore(page, "programs")).toEqual([]);

    await field(page, hold(0, "min")).fill("15");
    expect(await error.count()).toBe(0);
    await page.getByRole("button", { name: "Save to this device" }).click();
    await page.getByText("Saved on this device as “Stretches for your feet that can alleviate lower back pain”.").waitFor();
    expect(await page.getByRole("link", { name: "Start this program" }).getAttribute("href")).toMatch(/^#\/play\?program=/);

    await page.reload();
    await page.getByRole("heading", { name: "Your programs on this device" }).waitFor();
    const saved = page.locator(".saved-programs li");
    await saved.first().waitFor();
    expect(await saved.count()).toBe(1);
    expect(await saved.locator(".saved-name").textContent()).toBe("Stretches for your feet that can alleviate lower back pain");
    const rows = await readStore<{
      id: string;
      program: { version: number; exercises: { name: string; phases: { holdSeconds: { min: number; max: number } }[] }[] };
    }>(page, "programs");
    expect(
      rows.map((r) => [r.id, r.program.version, r.program.exercises[2]!.name, r.program.exercises[0]!.phases[0]!.holdSeconds]),
    ).toEqual([["stretches-for-your-feet-that-can-alleviate-lower-back-pain", 1, "Wall calf stretch", { min: 15, max: 20 }]]);

    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Remove Stretches for your feet that can alleviate lower back pain" }).click();
    await page.getByText("None yet. A routine you import and save appears here.").waitFor();
    expect(await readStore(page, "programs")).toEqual([]);
    await context.close();
  });

  it("goes from a mark to its field by keyboard alone, and each focused field lights its own mark", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "import");
    await importSeed(page);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("What Limber found");
    await page.getByRole("region", { name: /The routine text/ }).focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("mark")?.getAttribute("data-fields"))).toBe("title");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-title");
    expect(await page.locator("mark.found.current").getAttribute("data-fields")).toBe("title");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("field-exercises-0-name");
    expect(await page.locator("mark.found.current").getAttribute("data-fields")).toBe("exercises[0].name");
    await context.close();
  });

  it("plays a saved program in the player, through a reload, and keeps its progress under its own id", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "import");
    await importSeed(page);
    await field(page, "exercises[0].name").fill("Strap stretch, my way");
    await page.getByRole("button", { name: "Save to this device" }).click();
    await page.getByRole("link", { name: "Start this program" }).click();
    await page.getByText(/^Stretches for your feet that can alleviate lower back pain\. Pick a number/).waitFor();
    await page.getByRole("button", { name: /skip and start/i }).click();
    await page.locator('section.player[data-status="playing"]').waitFor();
    expect(await page.locator("#exercise-name").textContent()).toBe("Strap stretch, my way");
    await page.getByRole("button", { name: "Pause" }).click();
    const savedId = "stretches-for-your-feet-that-can-alleviate-lower-back-pain";
    const [active] = await readStore<{ programId: string }>(page, "active");
    expect(active?.programId).toBe(savedId);

    // A reload keeps the session on the saved program; ending it logs it, and progress is kept under the saved program's id.
    await page.reload();
    await page.getByRole("button", { name: "Resume" }).waitFor();
    expect(await page.locator("#exercise-name").textContent()).toBe("Strap stretch, my way");
    await page.getByRole("button", { name: "End session" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "End session" }).click();
    await page.getByRole("heading", { name: /how does your back feel now/i }).waitFor();
    await page.getByRole("button", { name: "2", exact: true }).click();
    await page.getByRole("heading", { name: "No holds this time" }).waitFor();
    const logs = await readStore<{ log: { programId: string } }>(page, "sessions");
    expect(logs.map((s) => s.log.programId)).toEqual([savedId]);
    expect((await readStore<{ programId: string }>(page, "progress")).map((p) => p.programId)).toEqual([savedId]);
    await context.close();
  });

  it("has no WCAG 2.2 AA violations with a draft on screen, 44 px controls, and a calm phone screenshot", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const { context, page } = await openApp(app.browser, app.server.url, "import", { colorScheme });
      expect(await axeViolations(page)).toEqual([]);
      await importSeed(page);
      expect(await axeViolations(page)).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);
      await field(page, hold(3, "min")).focus();
      await page.getByRole("heading", { name: "What Limber found" }).evaluate((h) => h.scrollIntoView());
      await page.screenshot({ path: `${shots}/import${colorScheme === "light" ? "" : "-dark"}.png` });
      await context.close();
    }
  });

  it("reflows at 320 CSS px with the largest text, without sideways scrolling", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "settings", { viewport: { width: 320, height: 640 } });
    await page.getByLabel("Larger").check();
    await page.evaluate(() => (location.hash = "#/import"));
    await page.getByRole("heading", { level: 1, name: "Import a routine" }).waitFor();
    await importSeed(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await context.close();
  });

  it("reads an uploaded markdown file, and refuses a file too large or not text with a message in place", async () => {
    const { context, page } = await openApp(app.browser, app.server.url, "import");
    const upload = page.getByLabel(/Or choose a file/);
    await upload.setInputFiles({
      name: "routine.md",
      mimeType: "text/markdown",
      buffer: Buffer.from("# Evening\n\n## Calf stretch\nStand at a wall. Hold for 30 seconds. Repeat twice on each side.\n"),
    });
    await page.getByRole("heading", { name: "What Limber found" }).waitFor();
    expect(await field(page, "exercises[0].name").inputValue()).toBe("Calf stretch");
    expect(await field(page, hold(0, "min")).inputValue()).toBe("30");

    expect(await field(page, "exercises[0].equipment").inputValue()).toBe("wall");
    await importSeed(page);
    expect(await field(page, "exercises[0].equipment").inputValue()).toBe("stretch strap or towel");

    await upload.setInputFiles({ name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(400 * 1024, "a") });
    expect(await page.getByRole("alert").textContent()).toBe(
      "“big.txt” is 400 KB; Limber reads files up to 300 KB. Copy just the routine and paste it instead.",
    );
    await upload.setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
    expect(await page.getByRole("alert").textContent()).toMatch(/^“scan\.pdf” is not a text file Limber can read/);
    await context.close();
  });

  it("keeps every row of a device that had the first version of the store", async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.server.url}icon.svg`);
    await page.evaluate(
      () =>
        new Promise<void>((ok, fail) => {
          const open = indexedDB.open("limber", 1);
          open.onupgradeneeded = () => {
            const d = open.result;
            d.createObjectStore("settings");
            d.createObjectStore("progress", { keyPath: "programId" });
            d.createObjectStore("active");
            d.createObjectStore("sessions", { keyPath: "id" }).createIndex("bySyncState", "syncState");
            open.transaction!.objectStore("settings").put({ textSize: "large" }, "current");
          };
          open.onsuccess = () => (open.result.close(), ok());
          open.onerror = () => fail(open.error);
        }),
    );
    await page.goto(`${app.server.url}#/import`);
    await page.getByRole("heading", { name: "Your programs on this device" }).waitFor();
    expect(await readStore(page, "settings")).toEqual([{ textSize: "large" }]);
    expect(await readStore(page, "programs")).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.style.fontSize)).toBe("137.5%");
    await context.close();
  });
});

describe("the Import page for a signed-in coach", () => {
  let api: RunningServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "limber-e2e-import-"));
    api = await startServer({ database: { kind: "pglite", dataDir }, host: "127.0.0.1", port: 0, webDir: inject("webDist") });
  });
  afterAll(async () => {
    await api?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("saves the checked program to the practice, then each change as a new version, and says where it lives", async () => {
    const coach = new ApiClient(overHttp, api.url);
    const email = `import-coach-${Date.now()}@example.org`;
    await coach.signUp({ email, password: "coach password here", displayName: "Casey Coach", role: "coach" });
    // The real server sends a Content Security Policy; bypassing it lets the test inject axe.
    const context = await app.browser.newContext({ viewport: phone, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${api.url}/#/account`);
    await signInOnAccountPage(page, email, "coach password here", "Casey Coach");
    await page.evaluate(() => (location.hash = "#/import"));
    await page.getByRole("heading", { level: 1, name: "Import a routine" }).waitFor();
    await importSeed(page);

    await field(page, hold(1, "max")).fill("");
    await page.getByRole("button", { name: "Save to my practice" }).click();
    expect(await page.getByTestId("practice-status").textContent()).toBe("Not saved to your practice: fix the fields marked above first.");
    await field(page, hold(1, "max")).fill("30");

    await page.getByRole("button", { name: "Save to my practice" }).click();
    const status = page.getByTestId("practice-status");
    await page.getByText("Saved to your practice as “Stretches for your feet that can alleviate lower back pain”, version 1.").waitFor();
    expect(await status.getAttribute("role")).toBe("status");
    expect(await page.getByRole("link", { name: "Programs" }).last().getAttribute("href")).toBe("#/editor");
    const listed = (await coach.get("/api/programs")).body.programs.filter((p: { builtIn: boolean }) => !p.builtIn);
    expect(listed.map((p: { title: string; version: number }) => [p.title, p.version])).toEqual([
      ["Stretches for your feet that can alleviate lower back pain", 1],
    ]);

    await field(page, "exercises[3].name").fill("Kneeling shin stretch");
    await page.getByRole("button", { name: "Save changes to my practice" }).click();
    await page.getByText(/, version 2\.$/).waitFor();
    const stored = (await coach.get(`/api/programs/${encodeURIComponent(listed[0].id)}`)).body;
    expect([stored.version, stored.exercises.map((e: { name: string }) => e.name)[3]]).toEqual([2, "Kneeling shin stretch"]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
