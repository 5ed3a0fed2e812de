import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

/** Builds the web app into a fresh temporary folder and returns it (benches never share dist/web). */
export async function buildWebApp(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), "limber-bench-web-"));
  await build({
    configFile: fileURLToPath(new URL("../vite.config.ts", import.meta.url)),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/** Median, 99th percentile (nearest rank) and maximum of a list of numbers. */
export function summarise(values: number[]): { n: number; median: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { n: sorted.length, median, p99: rank(0.99), max: sorted[sorted.length - 1] ?? NaN };
}
