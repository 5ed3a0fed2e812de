import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Server } from "node:http";
import { builtInPrograms } from "../../content/index.ts";
import { createApp } from "./app.ts";
import { hostname } from "node:os";
import { AttemptLimits, deleteExpiredAttempts } from "./auth/rate-limit.ts";
import { systemClock, type Clock } from "./clock.ts";
import type { ServerDeps } from "./context.ts";
import type { TrustedProxies } from "./http/forwarded.ts";
import { openDatabase, type Database, type DatabaseConfig } from "./db/database.ts";
import { deleteExpiredSessions } from "./store/auth-sessions.ts";
import { seedPrograms } from "./store/programs.ts";
import { scheduleCheckpoints } from "./db/checkpoints.ts";
import { scheduleUpkeep } from "./db/upkeep.ts";
import { listenForOperator } from "./operator.ts";
import { loadLinkSigner } from "./mail/link-signer.ts";
import { describeDelivery, mailConfigFrom } from "./mail/mail-config.ts";
import { startMailSender, type MailSender } from "./mail/mail-sender.ts";
import { startReminderRounds, type ReminderRounds } from "./mail/reminder-rounds.ts";
import { transportFor } from "./mail/transport.ts";
import { clipThread } from "./voice/clip-thread.ts";
import { trackRequests } from "./http/graceful-close.ts";

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

/** Opens (and migrates) the database, seeds the built-in programs and wires the app's dependencies. */
export async function prepareDeps(database: Database, clock: Clock = systemClock, trustedProxies?: TrustedProxies): Promise<ServerDeps> {
  await seedPrograms(database.db, builtInPrograms, clock.now());
  return {
    db: database.db,
    clock,
    builtInPrograms,
    trustedProxies,
    limits: new AttemptLimits(database.db, clock),
    signer: await loadLinkSigner(database.db, clock.now()),
    mail: { queued: () => undefined },
    voice: clipThread(),
  };
}

/** Starts the HTTP server; port 0 picks a free port, reported in `url`. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.error(line));
  const dataDir = options.database.kind === "pglite" ? options.database.dataDir : (options.outboxParent ?? "./data");
  // A bad mail setting stops start-up before anything is opened.
  const placeholderUrl = `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${options.port || 8080}`;
  const mailEnv = options.mailEnv ?? {};
  let mailConfig = mailConfigFrom(mailEnv, { dataDir, serverUrl: placeholderUrl });
  // A quick form of `limber check` first, so a damaged database is refused rather than served as if empty.
  const database = await openDatabase(options.database, { check: "quick" });
  const deps = await prepareDeps(database, options.clock, options.trustedProxies);
  const app = createApp(deps, options.webDir ? { webDir: options.webDir } : {});
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolve(s));
    s.once("error", reject);
  });
  const requests = trackRequests(server as Server);
  // Expired sign-in sessions and rate-limit attempts are ignored on sight; this only keeps the tables small.
  const clock = deps.clock;
  const sweep = () =>
    void Promise.all([deleteExpiredSessions(database.db, clock.now()), deleteExpiredAttempts(database.db, clock.now())]).catch((e) =>
      console.error("limber: sweep of expired rows failed:", e),
    );
  sweep();
  const sweeper = setInterval(sweep, 60 * 60_000);
  sweeper.unref();
  const stopCheckpoints = options.database.kind === "pglite" ? scheduleCheckpoints(database.db) : () => undefined;
  // PostgreSQL's autovacuum does this on a server; PGlite has none.
  const stopUpkeep = options.database.kind === "pglite" ? scheduleUpkeep(database.db, { clock }) : async () => undefined;
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  if (!mailEnv.PUBLIC_URL && !mailEnv.LIMBER_PUBLIC_URL) mailConfig = mailConfigFrom(mailEnv, { dataDir, serverUrl: url });
  const mail = startMailSender({
    db: database.db,
    clock,
    config: mailConfig,
    transport: transportFor(mailConfig.delivery, log),
    signer: deps.signer,
    claimant: `${hostname()}:${process.pid}:${port}`,
    log,
  });
  deps.mail.queued = mail.kick;
  const reminders = startReminderRounds({ db: database.db, clock, queued: mail.kick, log });
  const operator = options.database.kind === "pglite" ? await listenForOperator(options.database.dataDir, deps, url) : undefined;
  if (operator && "skipped" in operator)
    console.error(`limber: no operator socket (${operator.skipped}); stop the server before running limber reset-link`);
  return {
    url,
    port,
    database,
    mail,
    reminders,
    mailDelivery: describeDelivery(mailConfig.delivery),
    close: async () => {
      // Requests being answered finish first; then what they use is closed.
      await requests.close();
      clearInterval(sweeper);
      await reminders.close();
      await mail.close();
      await deps.voice.close();
      stopCheckpoints();
      await stopUpkeep();
      if (operator && "close" in operator) await operator.close();
      await database.close();
    },
  };
}
