import type { Clock } from "./clock.ts";
import type { TrustedProxies } from "./http/forwarded.ts";
import { openDatabase, type Database, type DatabaseConfig } from "./db/database.ts";
import { mailConfigFrom } from "./mail/mail-config.ts";
import type { MailSender } from "./mail/mail-sender.ts";
import type { ReminderRounds } from "./mail/reminder-rounds.ts";

export interface ServerOptions {
  database: DatabaseConfig;
  host: string;
  port: number;
  webDir?: string;
  clock?: Clock;
  /** Proxies whose forwarding headers are believed; none unless given. */
  trustedProxies?: TrustedProxies;
  /** SMTP_URL, MAIL_FROM and PUBLIC_URL; with no SMTP_URL, mail goes to the data folder's outbox. */
  mailEnv?: NodeJS.ProcessEnv;
  /** Where mail is written when there is no SMTP_URL; the PGlite folder, or ./data with PostgreSQL. */
  outboxParent?: string;
  /** Where the server says what it does (mail written to the outbox, mail not sent); stderr by default. */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  mail: MailSender;
  reminders: ReminderRounds;
  /** Where mail goes, in words (no password). */
  mailDelivery: string;
  close(): Promise<void>;
}

/**
 * Starts the HTTP server; port 0 picks a free port, reported in `url`.
 *
 * The database opens while the modules that answer requests load: PGlite starts in a thread of
 * its own (most of a start's time, and more after a crash, when it replays its write-ahead log),
 * so the main thread's module loading no longer waits in line before it (bench/start-up.ts).
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const dataDir = options.database.kind === "pglite" ? options.database.dataDir : (options.outboxParent ?? "./data");
  // A bad mail setting stops start-up before anything is opened.
  const placeholderUrl = `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${options.port || 8080}`;
  const mailConfig = mailConfigFrom(options.mailEnv ?? {}, { dataDir, serverUrl: placeholderUrl });
  // A quick form of `limber check` first, so a damaged database is refused rather than served as if empty.
  const [opened, serving] = await Promise.allSettled([openDatabase(options.database, { check: "quick" }), import("./serving.ts")]);
  if (opened.status === "rejected") throw opened.reason;
  if (serving.status === "rejected") {
    await opened.value.close();
    throw serving.reason;
  }
  return serving.value.serveOn(opened.value, options, { dataDir, mailConfig });
}
