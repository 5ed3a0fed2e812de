import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { builtInPrograms } from "../../content/index.ts";
import { createApp } from "./app.ts";
import { RESET_GUESS_LIMIT } from "./auth/password-reset.ts";
import { FailureLimiter, PASSWORD_CHECK_LIMIT, SIGN_IN_LIMITS, SIGN_UP_LIMIT } from "./auth/rate-limit.ts";
import { systemClock, type Clock } from "./clock.ts";
import type { ServerDeps } from "./context.ts";
import { openDatabase, type Database, type DatabaseConfig } from "./db/database.ts";
import { deleteExpiredSessions } from "./store/auth-sessions.ts";
import { seedPrograms } from "./store/programs.ts";
import { scheduleCheckpoints } from "./db/checkpoints.ts";
import { listenForOperator } from "./operator.ts";

export interface ServerOptions {
  database: DatabaseConfig;
  host: string;
  port: number;
  webDir?: string;
  clock?: Clock;
  trustProxy?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  close(): Promise<void>;
}

/** Opens (and migrates) the database, seeds the built-in programs and wires the app's dependencies. */
export async function prepareDeps(database: Database, clock: Clock = systemClock, trustProxy = false): Promise<ServerDeps> {
  await seedPrograms(database.db, builtInPrograms, clock.now());
  return {
    db: database.db,
    clock,
    builtInPrograms,
    trustProxy,
    signInLimits: { account: new FailureLimiter(SIGN_IN_LIMITS.account, clock), address: new FailureLimiter(SIGN_IN_LIMITS.address, clock) },
    resetGuesses: new FailureLimiter(RESET_GUESS_LIMIT, clock),
    signUpRefusals: new FailureLimiter(SIGN_UP_LIMIT, clock),
    passwordChecks: new FailureLimiter(PASSWORD_CHECK_LIMIT, clock),
  };
}

/** Starts the HTTP server; port 0 picks a free port, reported in `url`. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const database = await openDatabase(options.database);
  const deps = await prepareDeps(database, options.clock, options.trustProxy);
  const app = createApp(deps, options.webDir ? { webDir: options.webDir } : {});
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolve(s));
    s.once("error", reject);
  });
  // Expired sign-in sessions are refused on sight; this only keeps the table small.
  const clock = deps.clock;
  const sweep = () => void deleteExpiredSessions(database.db, clock.now()).catch((e) => console.error("limber: session sweep failed:", e));
  sweep();
  const sweeper = setInterval(sweep, 60 * 60_000);
  sweeper.unref();
  const stopCheckpoints = options.database.kind === "pglite" ? scheduleCheckpoints(database.db) : () => undefined;
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  const operator = options.database.kind === "pglite" ? await listenForOperator(options.database.dataDir, deps, url) : undefined;
  if (operator && "skipped" in operator) console.error(`limber: no operator socket (${operator.skipped}); stop the server before running limber reset-link`);
  return {
    url,
    port,
    database,
    close: async () => {
      clearInterval(sweeper);
      stopCheckpoints();
      if (operator && "close" in operator) await operator.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      await database.close();
    },
  };
}
