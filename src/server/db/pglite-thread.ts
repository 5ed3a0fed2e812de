import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";

/** What the Kysely driver needs of an embedded database: PGlite itself, or PGlite in its own thread. */
export interface PgliteLike {
  query<R>(sql: string, parameters?: unknown[]): Promise<{ rows: R[]; affectedRows?: number }>;
  close(): Promise<void>;
  /** Resolves once the instance can take statements (PGlite's own; a thread is ready once opened). */
  readonly waitReady?: Promise<void>;
  /** Ends the instance at once, without asking it anything (it may be stuck). */
  abandon?(): void;
}

/** The embedded database's thread ended; that instance is gone. */
export class PgliteThreadLost extends Error {
  constructor(reason: string) {
    super(`the embedded database ${reason}`);
    this.name = "PgliteThreadLost";
  }
}

/**
 * The embedded database's memory settings. PostgreSQL's defaults suit a server with memory to spare;
 * in PGlite every page it touches stays in the thread's WebAssembly memory, which never shrinks. A
 * small practice's working set fits in 16 MB of buffers, and what misses them is read from the
 * operating system's file cache.
 */
export const PGLITE_SETTINGS: Record<string, string> = {
  shared_buffers: "16MB",
  wal_buffers: "1MB",
  work_mem: "4MB",
  maintenance_work_mem: "16MB",
  temp_buffers: "1MB",
};

/** How many statements the thread keeps prepared; the one used longest ago is closed first. */
export const PREPARED_STATEMENTS = 64;

/**
 * Runs in the worker thread (plain CommonJS, so it needs no TypeScript loader): one PGlite instance
 * answering one message per statement. Errors go back as their plain fields (message, code,
 * severity, detail...), since PGlite's error objects also carry what cannot cross threads.
 * PostgreSQL's log lines come through onStderr while a statement runs; a PANIC line is passed on
 * at once, because the statement may never finish.
 *
 * Each statement text is prepared once (a named statement: parsed, analysed and its parameter
 * types described) and from then on only bound and executed, in one call into PostgreSQL. PGlite's
 * own query() parses and plans the text again every time, which inside WebAssembly costs more than
 * running a short statement (about 1 ms for the session lookup). PostgreSQL re-plans a prepared
 * statement by itself when a table it reads changes; only a statement whose columns changed under it
 * (a select * across a migration) fails with "cached plan must not change result type", and is then
 * prepared again. Values and rows are converted exactly as PGlite's query() does, by its own
 * serializers and parsers.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { PGlite, protocol, parse } = require(workerData.pglite);
const { serialize } = protocol;
const joined = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
};
const prepared = new Map();
let named = 0;
const prepare = async (pg, sql) => {
  const name = "limber_" + named++;
  const described = await pg.execProtocolStream(
    joined(serialize.parse({ name, text: sql }), serialize.describe({ type: "S", name }), serialize.sync()),
    { syncToFs: false },
  );
  const statement = { name, types: parse.parseDescribeStatementResults(described) };
  prepared.set(sql, statement);
  if (prepared.size > workerData.preparedStatements) {
    const [oldest, { name: closing }] = prepared.entries().next().value;
    prepared.delete(oldest);
    await pg.execProtocolStream(joined(serialize.close({ type: "S", name: closing }), serialize.sync()), { syncToFs: false });
  }
  return statement;
};
const forget = async (pg, sql) => {
  const statement = prepared.get(sql);
  if (!statement) return;
  prepared.delete(sql);
  await pg.execProtocolStream(joined(serialize.close({ type: "S", name: statement.name }), serialize.sync()), { syncToFs: false });
};
// After a statement that may change what others read (a migration), every prepared statement is made again when next used.
const CHANGES_SCHEMA = new Set(["CREATE", "ALTER", "DROP"]);
const forgetAll = async (pg) => {
  if (prepared.size === 0) return;
  const closes = [...prepared.values()].map(({ name }) => serialize.close({ type: "S", name }));
  prepared.clear();
  await pg.execProtocolStream(joined(...closes, serialize.sync()), { syncToFs: false });
};
const run = async (pg, sql, parameters, again = true) => {
  let statement = prepared.get(sql);
  if (statement) (prepared.delete(sql), prepared.set(sql, statement));
  else statement = await prepare(pg, sql);
  const values = parameters.map((p, i) => {
    if (p === null || p === undefined) return null;
    const convert = pg.serializers[statement.types[i]];
    return convert ? convert(p) : p.toString();
  });
  try {
    const messages = await pg.execProtocolStream(
      joined(serialize.bind({ statement: statement.name, values }), serialize.describe({ type: "P" }), serialize.execute({}), serialize.sync()),
      { syncToFs: false },
    );
    await pg.syncToFs();
    const result = parse.parseResults(messages, pg.parsers)[0];
    if (CHANGES_SCHEMA.has(result.command)) await forgetAll(pg);
    return result;
  } catch (e) {
    if (!again || !(e && e.code === "0A000" && /cached plan/.test(e.message))) throw e;
    await forget(pg, sql);
    return run(pg, sql, parameters, false);
  }
};
const plain = (e) => {
  const out = { message: String((e && e.message) || e) };
  if (e && typeof e === "object") for (const [k, v] of Object.entries(e)) if (typeof v === "string" || typeof v === "number") out[k] = v;
  return out;
};
const onStderr = (line) => {
  const at = line.indexOf("PANIC:");
  if (at === 0 || (at > 0 && line[at - 1] === " ")) parentPort.postMessage({ panic: line.slice(at + 6).trim() });
  return false;
};
const startParams = [...PGlite.defaultStartParams, ...workerData.settings.flatMap(([k, v]) => ["-c", k + "=" + v])];
PGlite.create({ dataDir: workerData.dataDir, onStderr, startParams }).then((pg) => {
  parentPort.on("message", async (m) => {
    if (m.close) {
      await pg.close().catch(() => undefined);
      parentPort.close();
      return;
    }
    try {
      const r = await run(pg, m.sql, m.parameters);
      parentPort.postMessage({ id: m.id, rows: r.rows, affectedRows: r.affectedRows });
    } catch (e) {
      parentPort.postMessage({ id: m.id, error: plain(e) });
    }
  });
  parentPort.postMessage({ ready: true });
}, (e) => parentPort.postMessage({ failed: plain(e) }));
`;

type Reply = { id: number; rows?: unknown[]; affectedRows?: number; error?: { message: string } & Record<string, unknown> };

/** A PANIC as the driver sees it from PGlite itself: an error with PostgreSQL's severity and message. */
const panicError = (message: string) => Object.assign(new Error(message), { severity: "PANIC", code: "XX000" });

/**
 * PGlite in a worker thread. After a failed write to its write-ahead log (a full disk) PostgreSQL
 * PANICs, and PGlite then spins forever inside WebAssembly (at COMMIT) or never answers again; on
 * the main thread that would freeze the whole server. Here the PANIC fails the statement at once,
 * the thread is ended (which frees its memory) and the driver may open a new one.
 */
export class PgliteThread implements PgliteLike {
  private readonly pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private lost: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (m: Reply | { panic: string }) => ("panic" in m ? this.lose(panicError(m.panic)) : this.settle(m)));
    worker.on("error", (e) => this.lose(new PgliteThreadLost(`thread failed: ${e.message}`)));
    worker.on("exit", () => this.lose(new PgliteThreadLost("thread ended")));
  }

  /**
   * Opens the data folder in a new thread; rejects (and ends the thread) if PGlite cannot start.
   * A folder without a database first gets one from a short-lived process: initdb runs a second
   * PostgreSQL inside PGlite and grows memory by hundreds of megabytes that neither WebAssembly nor
   * the C library give back to the system while the process lives, even once the thread has ended.
   */
  static async open(dataDir: string, { mayCreate = true }: { mayCreate?: boolean } = {}): Promise<PgliteThread> {
    // The server passes mayCreate only for a folder checkDataFolder found empty, so a damaged one is never made new.
    if (!existsSync(join(dataDir, "PG_VERSION"))) {
      if (!mayCreate) throw new Error(`no database in ${dataDir} (PG_VERSION is missing)`);
      await createDatabase(dataDir);
    }
    const worker = await startWorker(dataDir);
    worker.unref();
    return new PgliteThread(worker);
  }

  query<R>(sql: string, parameters: unknown[] = []): Promise<{ rows: R[]; affectedRows?: number }> {
    if (this.lost) return Promise.reject(this.lost);
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // A statement in flight keeps the process alive; an idle thread does not.
      this.worker.ref();
      this.worker.postMessage({ id, sql, parameters });
    }).then((reply) => {
      if (reply.error) throw Object.assign(new Error(reply.error.message), reply.error);
      return { rows: reply.rows as R[], ...(reply.affectedRows === undefined ? {} : { affectedRows: reply.affectedRows }) };
    });
  }

  private settle(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    waiting.resolve(reply);
  }

  /** Fails every statement in flight with `reason` and ends the thread; later calls fail the same way. */
  private lose(reason: Error): void {
    if (this.lost) return;
    this.lost = reason;
    for (const { reject } of this.pending.values()) reject(reason);
    this.pending.clear();
    void this.worker.terminate();
  }

  abandon(): void {
    this.lose(new PgliteThreadLost("was stopped"));
  }

  /** Closes PGlite cleanly (a checkpoint) and waits for its thread to end; nothing to do once it is lost. */
  async close(): Promise<void> {
    if (this.lost) return;
    const exited = new Promise<void>((resolve) => this.worker.once("exit", () => resolve()));
    this.worker.ref();
    this.worker.postMessage({ close: true });
    await exited;
  }
}

/** Run by `node -e` with PGlite's path, the data folder and the settings: makes the database, closes it, ends. */
const CREATE_SOURCE = `
const [pglite, dataDir, settings] = process.argv.slice(1);
const { PGlite } = require(pglite);
const startParams = [...PGlite.defaultStartParams, ...Object.entries(JSON.parse(settings)).flatMap(([k, v]) => ["-c", k + "=" + v])];
PGlite.create({ dataDir, startParams }).then((pg) => pg.close()).catch((e) => {
  console.error(String((e && e.message) || e));
  process.exitCode = 1;
});
`;

/** Makes a new database in `dataDir` in a process of its own, which then ends. */
async function createDatabase(dataDir: string): Promise<void> {
  const args = [...WASM_FLAGS, "-e", CREATE_SOURCE, pglitePath(), dataDir, JSON.stringify(PGLITE_SETTINGS)];
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, args, { env: {} }, (e, _out, err) =>
      e ? reject(new Error(`PGlite could not make a database in ${dataDir}: ${err.trim() || e.message}`)) : resolve(),
    ),
  );
}

const pglitePath = () => createRequire(import.meta.url).resolve("@electric-sql/pglite");

/**
 * How V8 compiles PGlite's WebAssembly (9 MB of PostgreSQL): with its baseline compiler only. By
 * default V8 compiles everything quickly first, then compiles the busy functions again with its
 * optimising compiler in background threads, keeping both: some 40-70 MB more, and seconds of CPU
 * taken from requests on a small machine, for statements that are mostly waiting on files anyway.
 * The flag is process-wide; nothing else in the server compiles WebAssembly.
 */
const WASM_FLAGS = ["--liftoff-only"];

/**
 * How far V8 lets the server's JavaScript heap grow past what was live at its last full collection:
 * 50% (`--heap-growing-percent`). V8's default picks a factor of up to 4 when a process allocates
 * fast, as an HTTP server under load does, so the main thread's heap kept some 200 MB committed
 * for about 55 MB live, and the process stayed at ~370 MB after the ingest bench's load. V8 reads the
 * flag at each full collection, so setting it once the process runs takes effect. Set with the WASM
 * flag when the embedded database starts (a PostgreSQL server keeps V8's default).
 */
export const HEAP_FLAGS = ["--heap-growing-percent=50"];

/** A worker running PGlite on the folder, once it says it is ready. */
async function startWorker(dataDir: string): Promise<Worker> {
  for (const flag of [...WASM_FLAGS, ...HEAP_FLAGS]) setFlagsFromString(flag);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      dataDir,
      settings: Object.entries(PGLITE_SETTINGS),
      pglite: pglitePath(),
      preparedStatements: PREPARED_STATEMENTS,
    },
    // The thread's own JavaScript only passes statements and rows along: a small young generation is enough.
    resourceLimits: { maxYoungGenerationSizeMb: 4 },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once("message", (m: { ready?: true; failed?: { message: string }; panic?: string }) =>
        m.ready ? resolve() : reject(new Error(`PGlite could not start: ${m.failed?.message ?? `PANIC: ${m.panic}`}`)),
      );
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`PGlite's thread ended while starting (exit ${code})`)));
    });
  } catch (e) {
    await worker.terminate();
    throw e;
  }
  return worker;
}
