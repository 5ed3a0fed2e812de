import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Kysely, PostgresDialect, type KyselyConfig } from "kysely";
import { checkDataFolder, damagedDatabase, keepFolderPrivate, wouldNotStart } from "./data-folder.ts";
import { lockDataFolder } from "./data-lock.ts";
import { checkIntegrity, type CheckDepth } from "./integrity-check.ts";
import { migrateToLatest } from "./migrate.ts";
import { PgliteDialect } from "./pglite-dialect.ts";
import { PgliteThread } from "./pglite-thread.ts";
import { preparingClient } from "./prepared.ts";
import type { Tables } from "./tables.ts";

/** Where the data lives: a PGlite folder by default, or a PostgreSQL server by URL. */
export type DatabaseConfig = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

export interface Database {
  db: Kysely<Tables>;
  config: DatabaseConfig;
  close(): Promise<void>;
}

/** Chooses PostgreSQL when DATABASE_URL is set, otherwise PGlite in the data folder. */
export function databaseConfigFrom(env: NodeJS.ProcessEnv, dataDir?: string): DatabaseConfig {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dataDir: dataDir ?? env.LIMBER_DATA_DIR ?? "./data" };
}

/**
 * How a database is opened: `log` hears every statement sent (Kysely's own log option); `check`
 * reads the database before anything is written to it (the server's start-up: "quick"), and a
 * damaged one is refused with what is wrong and what to do.
 */
export interface OpenOptions {
  log?: KyselyConfig["log"];
  check?: CheckDepth;
}

/** Opens the database and runs any migrations it has not had yet. */
export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  const release = config.kind === "pglite" ? await lockFolder(config.dataDir) : async () => undefined;
  let db: Kysely<Tables>;
  try {
    db = await connect(config, options);
  } catch (e) {
    await release();
    throw e;
  }
  const close = async () => {
    try {
      await db.destroy();
    } finally {
      await release();
    }
  };
  try {
    if (options.check) await refuseDamaged(db, config, options.check);
    await migrateToLatest(db);
  } catch (e) {
    await close();
    throw e;
  }
  return { db, config, close };
}

/** Runs the integrity check at `depth` and throws the operator's refusal when it finds damage. */
async function refuseDamaged(db: Kysely<Tables>, config: DatabaseConfig, depth: CheckDepth): Promise<void> {
  const { problems } = await checkIntegrity(db, depth);
  if (problems.length === 0) return;
  throw damagedDatabase(config.kind === "pglite" ? { dataDir: config.dataDir } : { database: describeDatabase(config) }, problems);
}

/** Makes the PGlite folder (private to its owner: it holds health data) and takes it for this process. */
async function lockFolder(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  return lockDataFolder(dataDir);
}

async function connect(config: DatabaseConfig, { log }: OpenOptions): Promise<Kysely<Tables>> {
  if (config.kind === "postgres") {
    // Loaded only for PostgreSQL, so the embedded server does not carry the driver's modules.
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: config.url, max: 10, Client: preparingClient(pg.Client) });
    // A connection cut by the database (restart, failover, pg_terminate_backend) reports it as an
    // "error" event; unheard, Node would end the whole process. An idle one reports to the pool,
    // which drops it. One checked out between statements (in a transaction) reports on itself: its
    // next statement fails, and the pool drops it when it comes back.
    pool.on("error", (e) => console.error("limber: an idle database connection was lost:", e.message));
    pool.on("connect", (client) => client.on("error", (e) => console.error("limber: a database connection in use was lost:", e.message)));
    return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
  }
  const dataDir = config.dataDir;
  const state = await checkDataFolder(dataDir);
  // PGlite sets its files' modes itself, whatever the umask: 0666 on those initdb made, 0644 on
  // pg_internal.init, which it writes afresh as it starts. The files it makes later are 0600, so
  // once the folder is made private after each start it stays so (test/server/folder-modes.test.ts).
  const open = async (mayCreate: boolean) => {
    const thread = await PgliteThread.open(dataDir, { mayCreate });
    await keepFolderPrivate(dataDir).catch(async (e) => {
      await thread.close();
      throw e;
    });
    return thread;
  };
  // PGlite runs in its own thread, so an instance stuck after a PANIC cannot freeze the server; once
  // it stopped, the dialect opens the folder again when there is room for two write-ahead-log segments.
  const reopen = { canStart: () => hasRoom(dataDir, 2 * WAL_SEGMENT), open: () => open(false) };
  let first: PgliteThread;
  try {
    first = await open(state === "new");
  } catch (e) {
    throw wouldNotStart(dataDir, e);
  }
  return new Kysely<Tables>({ dialect: new PgliteDialect(first, reopen), ...(log ? { log } : {}) });
}

/** PGlite's write-ahead-log segment size (PostgreSQL's default). */
const WAL_SEGMENT = 16 * 1024 * 1024;

/** Whether `bytes` more fit in `dir` right now: writes a scratch file that large, then removes it. */
export async function hasRoom(dir: string, bytes: number): Promise<boolean> {
  const scratch = join(dir, ".limber-room-check");
  try {
    await writeFile(scratch, Buffer.alloc(bytes), { mode: 0o600 });
    return true;
  } catch {
    return false;
  } finally {
    await rm(scratch, { force: true });
  }
}

/** Describes a database without its password, for logs. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.kind === "pglite") return `PGlite in ${config.dataDir}`;
  const url = new URL(config.url);
  if (url.password) url.password = "***";
  return `PostgreSQL at ${url.toString()}`;
}
