import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The folder this test run built the web app into. */
    webDist: string;
  }
}

/**
 * Builds the web app once before the browser tests, into a folder of this run's own, so a
 * build started by someone else's test run in the same tree cannot swap files mid-test.
 * Tests read the folder with `inject("webDist")`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), "limber-web-"));
  await build({
    configFile: fileURLToPath(new URL("../vite.config.ts", import.meta.url)),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
  project.provide("webDist", outDir);
  return () => rm(outDir, { recursive: true, force: true });
}
