import { describe, expect, it } from "vitest";
import { EmbeddedDatabaseStopped, isDatabaseUnavailable, isStorageFull } from "./unavailable.ts";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection, a cut one and PostgreSQL shutting down", () => {
    expect(isDatabaseUnavailable(withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("terminating connection due to administrator command", "57P01"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("the database system is starting up", "57P03"))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([withCode("connect ECONNREFUSED ::1:5432", "ECONNREFUSED")], ""))).toBe(true);
  });

  it("recognises the embedded database stopped (after a PANIC)", () => {
    expect(isDatabaseUnavailable(new EmbeddedDatabaseStopped())).toBe(true);
  });

  it("leaves bugs and constraint violations to be answered as the errors they are", () => {
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(withCode('duplicate key value violates unique constraint "users_pkey"', "23505"))).toBe(false);
    expect(isDatabaseUnavailable("not an error")).toBe(false);
  });
});

describe("isStorageFull", () => {
  it("recognises PostgreSQL's disk-full code and a file it could not grow", () => {
    expect(isStorageFull(withCode('could not extend file "base/16384/16454": No space left on device', "53100"))).toBe(true);
    expect(isStorageFull(withCode('could not extend file "base/16384/16454": File too large', "XX000"))).toBe(true);
  });

  it("recognises a write-ahead log PGlite could not write (its PANIC) or create", () => {
    const panic = withCode(
      'could not write to log file "000000010000000000000001" at offset 12582912, length 8192: File too large',
      "XX000",
    );
    expect(isStorageFull(panic)).toBe(true);
    expect(isStorageFull(withCode('could not write to file "pg_wal/xlogtemp.42": No space left on device', "XX000"))).toBe(true);
    expect(isStorageFull(withCode('could not create file "pg_wal/xlogtemp.42": No space left on device', "XX000"))).toBe(true);
  });

  it("leaves other internal errors alone", () => {
    expect(isStorageFull(withCode("cache lookup failed for relation 1", "XX000"))).toBe(false);
    expect(isStorageFull(new Error("Connection terminated unexpectedly"))).toBe(false);
  });
});
