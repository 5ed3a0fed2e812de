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
import type { Database } from "./db/database.ts";
import { deleteExpiredSessions } from "./store/auth-sessions.ts";
import { seedPrograms } from "./store/programs.ts";
import { scheduleCheckpoints } from "./db/checkpoints.ts";
import { scheduleUpkeep } from "./db/upkeep.ts";
import { listenForOperator } from "./operator.ts";
import { loadLinkSigner } from "./mail/link-signer.ts";
import { describeDelivery, mailConfigFrom, type MailConfig } from "./mail/mail-config.ts";
import { startMailSender } from "./mail/mail-sender.ts";
import { startReminderRounds } from "./mail/reminder-rounds.ts";
import { transportFor } from "./mail/transport.ts";
import { clipThread } from "./voice/clip-thread.ts";
import { trackRequests } from "./http/graceful-close.ts";
import type { RunningServer, ServerOptions } from "./server.ts";

// What the server does once its database is open; server.ts loads it while the database opens.

/** Seeds the built-in programs into an open database and wires the app's dependencies. */
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

/**
 * Seeds, wires and listens on an open database, then runs the background work (sweeps, PGlite's
 * checkpoints and upkeep, mail, reminders, the operator socket); answers the running server.
 */
export async function serveOn(
  database: Database,
  options: ServerOptions,
  { dataDir, mailConfig: placeholderConfig }: { dataDir: string; mailConfig: MailConfig },
): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.error(line));
  const mailEnv = options.mailEnv ?? {};
  let mailConfig = placeholderConfig;
  let deps: ServerDeps;
  try {
    deps = await prepareDeps(database, options.clock, options.trustedProxies);
  } catch (e) {
    await database.close();
    throw e;
  }
  const app = createApp(deps, options.webDir ? { webDir: options.webDir } : {});
  const requests = trackRequests();
  const fetch: typeof app.fetch = (request, env, context) => requests.answering(app.fetch(request, env, context));
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch, hostname: options.host, port: options.port }, () => resolve(s));
    requests.watch(s as Server);
    s.once("error", reject);
  });
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
      await requests.close(server as Server);
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
