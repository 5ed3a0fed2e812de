import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import type { Clock } from "../../src/server/clock.ts";
import { startServer, type RunningServer } from "../../src/server/server.ts";
import { ApiClient, overHttp } from "./api-client.ts";
import { startSmtpSink, type SmtpSink } from "./smtp-sink.ts";

export const PUBLIC_URL = "https://limber.example.org";

export interface MailServer {
  readonly server: RunningServer;
  readonly sink: SmtpSink;
  /** Closes the server and starts it again on the same folder, clock and mail server, doing `between` while it is down. */
  restart(between?: () => Promise<void>): Promise<void>;
  /** What the server does every minute, run now: decide due reminders, then send what is queued. */
  minute(): Promise<void>;
  /** Opens the link mailed to `email` at sign-up to check the address, as the person would. */
  checkEmail(email: string): Promise<void>;
}

/**
 * The setup the mail tests repeat: a server on a fresh PGlite folder, on the given clock, whose mail
 * goes to a real SMTP server on 127.0.0.1 with links to PUBLIC_URL (unless `mailEnv` says otherwise);
 * opened before the file's tests, closed after.
 */
export function useMailServer(name: string, clock: Clock, mailEnv: Record<string, string> = {}): MailServer {
  let dir: string | undefined;
  let sink: SmtpSink | undefined;
  let server: RunningServer | undefined;
  const opened = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error("the mail server opens in beforeAll; reach it from inside a test or a later beforeAll");
    return x;
  };
  const start = () =>
    startServer({
      database: { kind: "pglite", dataDir: join(opened(dir), "data") },
      host: "127.0.0.1",
      port: 0,
      clock,
      mailEnv: { SMTP_URL: opened(sink).url, PUBLIC_URL, ...mailEnv },
      log: () => undefined,
    });
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), `limber-${name}-`));
    sink = await startSmtpSink();
    server = await start();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await sink?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    get server() {
      return opened(server);
    },
    get sink() {
      return opened(sink);
    },
    async restart(between) {
      await opened(server).close();
      await between?.();
      server = await start();
    },
    async minute() {
      await opened(server).reminders.runDue();
      await opened(server).mail.drain();
    },
    async checkEmail(email) {
      await opened(server).mail.drain();
      const check = opened(sink).received.find((m) => m.to === email && m.subject === "Check your email for Limber")!;
      const token = /#\/check-email\/([A-Za-z0-9_-]{43})/.exec(check.text)![1];
      expect((await new ApiClient(overHttp, opened(server).url).post("/api/mail/email-check/use", { token })).body).toEqual({ email });
    },
  };
}
