import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { startServer, type RunningServer } from "../../src/server/server.ts";
import { launchBrowser } from "./browser.ts";

export interface AppServer {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * The setup browser tests against the real server repeat: the server on a fresh PGlite folder on
 * 127.0.0.1 serving this run's web build, and Chromium, opened before the file's tests and closed after.
 */
export function useAppServer(name: string): AppServer {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), `limber-${name}-`));
    server = await startServer({ database: { kind: "pglite", dataDir }, host: "127.0.0.1", port: 0, webDir: inject("webDist") });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  const opened = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error("the server and browser open in beforeAll; reach them from inside a test");
    return x;
  };
  return {
    get server() {
      return opened(server);
    },
    get browser() {
      return opened(browser);
    },
  };
}
