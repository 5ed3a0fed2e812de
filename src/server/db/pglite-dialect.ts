import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from "kysely";
import { PgliteThreadLost, type PgliteLike } from "./pglite-thread.ts";
import { EmbeddedDatabaseStopped } from "./unavailable.ts";

/**
 * How the driver opens the data folder again after the embedded database stopped (a PANIC, as when
 * its write-ahead log cannot be written on a full disk, or its thread lost). Without it, a stopped
 * database stays stopped.
 */
export interface PgliteReopen {
  /** Whether starting again could work now (for instance, there is room on the disk). Cheap; asked at most every `everyMs`. */
  canStart(): Promise<boolean>;
  /** A new instance on the same data folder; PostgreSQL's recovery replays its write-ahead log. */
  open(): Promise<PgliteLike>;
  /** Milliseconds between two checks; 5 s unless given. Doubles (up to a minute) after each failed open. */
  everyMs?: number;
  /** Where state changes are reported; stderr unless given. */
  log?: (line: string) => void;
  /** The clock the checks are spaced by, in milliseconds; the system's unless given. */
  now?: () => number;
}

/**
 * Whether an error means this instance is finished: PostgreSQL's PANIC (PGlite never answers a
 * later call), or its thread lost. Anything else is one statement's error and the instance goes on.
 */
function endsInstance(error: unknown): error is Error {
  return error instanceof PgliteThreadLost || (error instanceof Error && (error as { severity?: unknown }).severity === "PANIC");
}

/**
 * PGlite is one in-process connection, so the driver hands it to one user at a time: a
 * transaction holds it from BEGIN to COMMIT and other queries wait their turn.
 */
class PgliteConnection implements DatabaseConnection {
  constructor(private readonly driver: PgliteDriver) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.driver.query<R>(query.sql, query.parameters as unknown[]);
    const affected = result.affectedRows;
    return affected === undefined ? { rows: result.rows } : { rows: result.rows, numAffectedRows: BigInt(affected) };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("streaming queries are not supported on PGlite");
  }
}

class PgliteDriver implements Driver {
  private readonly connection: PgliteConnection;
  private queue: Promise<void> = Promise.resolve();
  private release: (() => void) | null = null;
  /** The running instance; null once it stopped, until it is reopened. */
  private pg: PgliteLike | null;
  private nextCheck = 0;
  private failedOpens = 0;

  constructor(
    first: PgliteLike,
    private readonly reopen: PgliteReopen | undefined,
  ) {
    this.pg = first;
    this.connection = new PgliteConnection(this);
  }

  async init(): Promise<void> {
    await this.pg?.waitReady;
  }

  async query<R>(sql: string, parameters: unknown[]) {
    const pg = this.pg;
    if (!pg) throw new EmbeddedDatabaseStopped();
    try {
      return await pg.query<R>(sql, parameters);
    } catch (e) {
      if (endsInstance(e) && this.pg === pg) this.stop(pg, e);
      throw e;
    }
  }

  /** Drops a finished instance for good: calling it again (even to close it) might never return. */
  private stop(pg: PgliteLike, reason: Error): void {
    this.pg = null;
    pg.abandon?.();
    this.nextCheck = 0;
    const what = reason instanceof PgliteThreadLost ? reason.message.replace(/^the embedded database /, "") : `PANIC: ${reason.message}`;
    this.log(
      `limber: the embedded database stopped (${what}); requests are answered 503 until it can be reopened` +
        (this.reopen ? ". A full disk does this: once there is room again it reopens by itself" : ""),
    );
  }

  /** Between two units of work only, so a transaction never continues on an instance it did not begin on. */
  private async tryToReopen(): Promise<void> {
    const reopen = this.reopen;
    const now = (reopen?.now ?? Date.now)();
    if (!reopen || now < this.nextCheck) return;
    this.nextCheck = now + Math.min((reopen.everyMs ?? 5000) * 2 ** this.failedOpens, 60_000);
    const canStart = await reopen.canStart().catch((e: unknown) => {
      this.log(`limber: could not check whether the embedded database can start again (${e instanceof Error ? e.message : String(e)})`);
      return false;
    });
    if (!canStart) return;
    try {
      this.pg = await reopen.open();
      this.failedOpens = 0;
      this.log("limber: the embedded database was reopened and serves requests again");
    } catch (e) {
      this.failedOpens++;
      this.log(`limber: the embedded database could not be reopened yet (${e instanceof Error ? e.message : String(e)})`);
    }
  }

  private log(line: string): void {
    (this.reopen?.log ?? console.error)(line);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.release = release;
    if (!this.pg) await this.tryToReopen();
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const mode = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : "";
    await connection.executeQuery(CompiledQuery.raw(`begin${mode}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // A stopped instance has no transaction left to roll back; throwing here would hide the error that stopped it.
    if (this.pg) await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = null;
    release?.();
  }

  async destroy(): Promise<void> {
    await this.queue;
    await this.pg?.close();
  }
}

/**
 * A Kysely dialect over one PGlite instance (in this thread or its own), speaking the same SQL as
 * PostgreSQL. Given `reopen`, it replaces an instance that stopped by a new one on the same folder.
 */
export class PgliteDialect implements Dialect {
  constructor(
    private readonly pg: PgliteLike,
    private readonly reopen?: PgliteReopen,
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PgliteDriver(this.pg, this.reopen);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
