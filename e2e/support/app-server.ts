import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { startServer, type RunningServer } from "../../src/server/server.ts";
import { startSmtpSink, type SmtpSink } from "../../test/support/smtp-sink.ts";
import { launchBrowser } from "./browser.ts";
import { serveStatic, type StaticServer } from "./static-server.ts";

/** A value made in beforeAll, or a clear error when a test file reaches it too early. */
function opened<T>(x: T | undefined): T {
  if (x === undefined) throw new Error("the server and browser open in beforeAll; reach them from inside a test");
  return x;
}

export interface AppServer {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/**
 * The setup browser tests against the real server repeat: the server on a fresh PGlite folder on
 * 127.0.0.1 serving this run's web build, and Chromium, opened before the file's tests and closed after.
 */
export function useAppServer(name: string): AppServer {
  return useServerWith(name, async () => ({}));
}

export interface MailAppServer extends AppServer {
  /** The real SMTP server the app's mail goes to. */
  readonly sink: SmtpSink;
}

/** As useAppServer, with the server's mail going to a real SMTP server on 127.0.0.1 that keeps every mail. */
export function useMailAppServer(name: string): MailAppServer {
  let sink: SmtpSink | undefined;
  const app = useServerWith(
    name,
    async () => {
      sink = await startSmtpSink();
      return { mailEnv: { SMTP_URL: sink.url }, log: () => undefined };
    },
    () => sink?.stop(),
  );
  return {
    get server() {
      return app.server;
    },
    get browser() {
      return app.browser;
    },
    get sink() {
      return opened(sink);
    },
  };
}

function useServerWith(
  name: string,
  more: () => Promise<Partial<Parameters<typeof startServer>[0]>>,
  after: () => Promise<void> | undefined = () => undefined,
): AppServer {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), `limber-${name}-`));
    const extra = await more();
    server = await startServer({ database: { kind: "pglite", dataDir }, host: "127.0.0.1", port: 0, webDir: inject("webDist"), ...extra });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await after();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  return {
    get server() {
      return opened(server);
    },
    get browser() {
      return opened(browser);
    },
  };
}

export interface StaticApp {
  readonly server: StaticServer;
  readonly browser: Browser;
}

/**
 * The setup browser tests of the web app alone repeat: this run's web build served as static files on
 * 127.0.0.1 (no API, as on a phone that never signed in), and Chromium, opened before the file's tests
 * and closed after.
 */
export function useStaticApp(): StaticApp {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveStatic(inject("webDist"));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return opened(server);
    },
    get browser() {
      return opened(browser);
    },
  };
}
