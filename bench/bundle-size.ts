/**
 * JavaScript shipped for the player route, gzipped.
 *
 * Builds the app, opens it in the system Chromium straight on the player route (#/play),
 * starts a session, and records every JavaScript response the page loaded. Each file is
 * gzipped here (level 9) and summed. The home route is measured in the same run as a baseline,
 * and the service worker's own scripts are listed apart (the browser fetches them once, in the
 * background, and they are not part of any page).
 *
 * Writes its section of BENCHMARKS.md.
 *
 *   npm run bench:bundle
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../e2e/support/browser.ts";
import { serveStatic } from "../e2e/support/static-server.ts";
import { beginRun, runHeader, writeSection } from "./benchmarks-section.ts";
import { buildWebApp } from "./web-build.ts";

const BUDGET_KB = 60;
const run = beginRun("bench:bundle", {});

async function jsLoaded(browser: Browser, url: string, route: string, startSession: boolean) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: "block" });
  const page = await context.newPage();
  const files = new Set<string>();
  const voice = new Set<string>();
  page.on("response", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith(".js")) files.add(path);
    if (/\/voice\/.+\.(mp3|json)$/.test(path)) voice.add(path);
  });
  await page.goto(`${url}#/${route}`);
  await page.locator("main h1").first().waitFor();
  if (startSession) {
    // Limber's voice is made ready while the first question is open; its clips are counted apart.
    await page.locator('[data-testid="voice-ready"][data-state="ready"]').waitFor();
    await page.getByRole("button", { name: /skip and start/i }).click();
    await page.locator('section.player[data-status="playing"]').waitFor();
  }
  await page.waitForLoadState("networkidle");
  await context.close();
  return { js: [...files].sort(), voice: [...voice].sort() };
}

const dir = await buildWebApp();
const server = await serveStatic(dir);
const browser = await launchBrowser();
try {
  const sizeOf = async (path: string) => {
    const raw = await readFile(join(dir, path));
    return { path, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  };
  const measure = async (paths: string[]) => {
    const files = await Promise.all(paths.map(sizeOf));
    return { files, gzip: files.reduce((s, f) => s + f.gzip, 0), raw: files.reduce((s, f) => s + f.raw, 0) };
  };
  const playerLoad = await jsLoaded(browser, server.url, "play", true);
  const player = await measure(playerLoad.js);
  const voice = await measure(playerLoad.voice);
  const home = await measure((await jsLoaded(browser, server.url, "", false)).js);
  const worker = await measure([
    "sw.js",
    ...(await import("node:fs/promises").then((fs) => fs.readdir(dir))).filter((f) => f.startsWith("workbox-")),
  ]);
  const kb = (b: number) => (b / 1024).toFixed(1);
  await writeSection("web-bundle", [
    "## Web: JavaScript for the player route (bench/bundle-size.ts)",
    "",
    ...runHeader(run),
    `Chromium ${browser.version()} headless. Builds the app, opens \`#/play\`, starts a session, records every \`.js\` response, gzips each file (level 9) and sums. ` +
      "Baseline in the same run: the home route. The service worker's own scripts are listed apart (fetched once by the worker, in no page).",
    "",
    "| route | files | raw KB | gzipped KB | budget |",
    "|---|---:|---:|---:|---|",
    `| player (\`#/play\`, session running) | ${player.files.length} | ${kb(player.raw)} | ${kb(player.gzip)} | ${BUDGET_KB} KB: ${player.gzip <= BUDGET_KB * 1024 ? "met" : "**missed**"} |`,
    `| home (\`#/\`), baseline | ${home.files.length} | ${kb(home.raw)} | ${kb(home.gzip)} | |`,
    `| service worker scripts (fetched by the worker, not by the page) | ${worker.files.length} | ${kb(worker.raw)} | ${kb(worker.gzip)} | |`,
    `| Limber's voice for built-in session 1 (MP3 clips and their index, not JS; loaded while the first question is open) | ${voice.files.length} | ${kb(voice.raw)} | ${kb(voice.gzip)} | |`,
    "",
    "Player route files, largest first (gzipped KB): " +
      [...player.files]
        .sort((a, b) => b.gzip - a.gzip)
        .map((f) => `${f.path.replace(/^\/assets\//, "")} ${kb(f.gzip)}`)
        .join(", ") +
      ".",
  ]);
} finally {
  await browser.close();
  await server.close();
}
