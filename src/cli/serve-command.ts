import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { databaseConfigFrom, describeDatabase } from "../server/db/database.ts";
import { parseTrustedProxies, type TrustedProxies } from "../server/http/forwarded.ts";
import { startServer, type RunningServer } from "../server/server.ts";
import { intFlag, parseArgs, UsageError, type Args } from "./args.ts";
import type { Command } from "./commands.ts";
import type { Io } from "./output.ts";

/** The repository root, where dist/web and the web sources live. */
export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
export const defaultWebDir = resolve(projectRoot, "dist/web");

/**
 * --trust-proxy (or LIMBER_TRUST_PROXY=1) believes the one proxy in front; --trusted-proxies LIST
 * (or LIMBER_TRUSTED_PROXIES) names the proxies' addresses and networks, for more than one hop.
 */
function trustedProxiesFrom(args: Args, env: NodeJS.ProcessEnv): { trustedProxies?: TrustedProxies } {
  const listed = (args.flags.get("trusted-proxies") as string | undefined) ?? env.LIMBER_TRUSTED_PROXIES;
  if (listed !== undefined) {
    const parsed = parseTrustedProxies(listed);
    if (!parsed.ok) throw new UsageError(`--trusted-proxies: ${parsed.problem}`);
    return { trustedProxies: parsed.proxies };
  }
  if (args.flags.has("trust-proxy") || env.LIMBER_TRUST_PROXY === "1") return { trustedProxies: { kind: "one-hop" } };
  return {};
}

export const SERVE_FLAGS = { boolean: ["trust-proxy"], valued: ["port", "host", "data", "web", "trusted-proxies"] };

/** Reads --port/--host/--data/--web (falling back to PORT, LIMBER_DATA_DIR and DATABASE_URL) and starts the server. */
export async function serveFromArgs(args: Args, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  if (args.positional.length > 0) throw new UsageError(`unexpected argument "${args.positional[0]}"`);
  const envPort = env.PORT !== undefined && /^\d+$/.test(env.PORT) ? Number(env.PORT) : 8080;
  const port = intFlag(args, "port", envPort, 0, 65535);
  const host = (args.flags.get("host") as string | undefined) ?? "127.0.0.1";
  const data = args.flags.get("data") as string | undefined;
  if (data !== undefined && env.DATABASE_URL)
    throw new UsageError("--data names a PGlite folder, but DATABASE_URL is set: use one or the other");
  const database = databaseConfigFrom(env, data);
  const webFlag = args.flags.get("web") as string | undefined;
  const webDir = webFlag ? resolve(webFlag) : existsSync(defaultWebDir) ? defaultWebDir : undefined;
  const server = await startServer({
    database,
    host,
    port,
    ...(webDir ? { webDir } : {}),
    ...trustedProxiesFrom(args, env),
    mailEnv: env,
    outboxParent: env.LIMBER_DATA_DIR || "./data",
    log: io.err,
  });
  io.out(
    `Limber listening on ${server.url} (${describeDatabase(database)}; ${server.mailDelivery}${webDir ? `; web app from ${webDir}` : "; no web app built, API only"})`,
  );
  return server;
}

/** Keeps the process serving until SIGINT or SIGTERM, then closes the server and the database cleanly. */
export async function serveUntilStopped(server: RunningServer, io: Io): Promise<number> {
  await new Promise<void>((done) => {
    const stop = (signal: string) => {
      io.out(`Limber: ${signal} received, closing`);
      done();
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
  await server.close();
  return 0;
}

export const serveCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, SERVE_FLAGS.boolean, SERVE_FLAGS.valued);
  return serveUntilStopped(await serveFromArgs(args, io), io);
};
