/**
 * The screenshot gallery: `npm run screens [-- filter…]` builds the web app, starts the real server on a
 * fresh PGlite folder on 127.0.0.1, and writes a PNG of every shot listed in `e2e/screens/shots-*.ts` at
 * phone and laptop size, light and dark, into test-results/screens/ with an index.html to browse them.
 * A filter keeps only the shots whose `<area>/<name>` contains it.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "vite";
import { startServer } from "../../src/server/server.ts";
import { launchBrowser } from "../support/browser.ts";
import { openApp } from "../support/limber-app.ts";
import { variants, type ShotEnv, type ShotGroup } from "./shot.ts";

const here = import.meta.dirname;
const root = resolve(here, "../..");
const outDir = resolve(root, "test-results/screens");

async function loadGroups(): Promise<ShotGroup<unknown>[]> {
  const files = (await readdir(here)).filter((f) => /^shots-.+\.ts$/.test(f)).sort();
  const groups: ShotGroup<unknown>[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { shotGroup?: ShotGroup<unknown> };
    if (!mod.shotGroup) throw new Error(`${f} exports no shotGroup`);
    groups.push(mod.shotGroup);
  }
  return groups;
}

async function main(filters: string[]): Promise<void> {
  const wanted = (id: string) => filters.length === 0 || filters.some((f) => id.includes(f));
  const groups = (await loadGroups())
    .map((g) => ({ ...g, shots: g.shots.filter((s) => wanted(`${g.area}/${s.name}`)) }))
    .filter((g) => g.shots.length > 0);
  const count = groups.reduce((n, g) => n + g.shots.length, 0);
  if (count === 0) throw new Error(`no shot matches ${filters.join(" or ")}`);

  const webDir = await mkdtemp(join(tmpdir(), "limber-screens-web-"));
  const dataDir = await mkdtemp(join(tmpdir(), "limber-screens-data-"));
  await build({ configFile: resolve(root, "vite.config.ts"), logLevel: "warn", build: { outDir: webDir, emptyOutDir: true } });
  const server = await startServer({ database: { kind: "pglite", dataDir }, host: "127.0.0.1", port: 0, webDir });
  const browser = await launchBrowser();
  const env: ShotEnv = { browser, server, baseUrl: server.url.endsWith("/") ? server.url : `${server.url}/` };
  await mkdir(outDir, { recursive: true });
  const written: { area: string; file: string }[] = [];
  const failed: string[] = [];
  try {
    for (const group of groups) {
      const data = group.prepare ? await group.prepare(env) : undefined;
      for (const shot of group.shots) {
        for (const variant of variants) {
          const file = `${group.area}-${shot.name}-${variant.device}-${variant.scheme}.png`;
          const { context, page } = await openApp(browser, env.baseUrl, shot.route ?? "", {
            colorScheme: variant.scheme,
            viewport: variant.viewport,
            ...(shot.fakeClockAt ? { fakeClockAt: shot.fakeClockAt } : {}),
          });
          try {
            await shot.show?.(page, { env, data, variant });
            // Fonts and pictures settle before the picture is taken.
            await page.evaluate(() => document.fonts.ready.then(() => undefined));
            await page.screenshot({ path: join(outDir, file), fullPage: shot.fullPage ?? true, animations: "disabled" });
            written.push({ area: group.area, file });
          } catch (e) {
            failed.push(`${file}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
          } finally {
            await context.close();
          }
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(webDir, { recursive: true, force: true });
  }
  await writeFile(join(outDir, "index.html"), indexPage(written));
  console.log(`${written.length} screenshots in ${outDir}`);
  if (failed.length > 0) {
    console.error(`${failed.length} could not be taken:\n${failed.join("\n")}`);
    process.exitCode = 1;
  }
}

function indexPage(shots: { area: string; file: string }[]): string {
  const rows = shots.map(
    (s) => `<figure><a href="${s.file}"><img src="${s.file}" loading="lazy" alt=""></a><figcaption>${s.file}</figcaption></figure>`,
  );
  return `<!doctype html><meta charset="utf-8"><title>Limber screenshots</title>
<style>body{font:16px system-ui;margin:2rem}main{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:0;width:200px}img{width:200px;border:1px solid #ccc}</style>
<h1>Limber screenshots (${shots.length})</h1><main>${rows.join("\n")}</main>\n`;
}

await main(process.argv.slice(2));
