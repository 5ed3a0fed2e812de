/**
 * Renders public/icon.svg to the PNG icons the web manifest lists, with the system Chromium.
 * Run once after changing the icon: npx tsx bench/web-render-icons.ts
 */
import { readFile, writeFile } from "node:fs/promises";
import { launchBrowser } from "../e2e/support/browser.ts";

const svg = await readFile(new URL("../public/icon.svg", import.meta.url), "utf8");
const browser = await launchBrowser();
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    const png = await page.screenshot({ omitBackground: true });
    await writeFile(new URL(`../public/icon-${size}.png`, import.meta.url), png);
    await page.close();
  }
} finally {
  await browser.close();
}
