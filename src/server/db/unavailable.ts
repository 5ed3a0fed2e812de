/** Error codes of a connection that could not be made or was cut (socket errors, PostgreSQL class 08 and shutdown codes). */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);
const SHUTDOWN_CODES = new Set(["57P01", "57P02", "57P03"]);

/**
 * Whether an error means the database cannot be reached right now (down, restarting, connection
 * cut) rather than a bug: such a request is answered 503 and may be retried; the pool reconnects.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (e instanceof EmbeddedDatabaseStopped) return true;
    if (typeof code === "string" && (SOCKET_CODES.has(code) || SHUTDOWN_CODES.has(code) || code.startsWith("08"))) return true;
    if (/Connection terminated|connection (?:is )?closed|Client has encountered a connection error/i.test(e.message)) return true;
    if (e instanceof AggregateError && e.errors.some((x) => isDatabaseUnavailable(x))) return true;
  }
  return false;
}

/**
 * Whether the database refused a write for lack of room: PostgreSQL's disk_full (53100) and its
 * other resource codes (class 53), or a file it could not grow or write (ENOSPC, or EFBIG past a
 * file-size limit, which PostgreSQL reports as an internal error; on the write-ahead log, "could
 * not write to log file", as a PANIC). Nothing of that request was stored.
 */
export function isStorageFull(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("53")) return true;
    if (/could not (?:extend|write to|write|create)(?: log)? file.*(?:No space left on device|File too large)/i.test(e.message))
      return true;
  }
  return false;
}

/**
 * Thrown instead of running a query while the embedded database (PGlite) is stopped: after a PANIC
 * (or its thread lost) that instance is never called again, and until it is reopened every request
 * is answered 503. The cause is logged once, when it happens.
 */
export class EmbeddedDatabaseStopped extends Error {
  constructor() {
    super("the embedded database is stopped; it is reopened once it can start again");
    this.name = "EmbeddedDatabaseStopped";
  }
}
