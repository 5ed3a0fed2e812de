import { createHash } from "node:crypto";
import { sql } from "kysely";

/**
 * The mark that opens a statement the log path sends on every log, so that on PostgreSQL it is
 * prepared once per connection (a named statement: parsed and planned once, then only bound and
 * executed) instead of parsed and planned each time. Only statements marked in code are named, so
 * each connection holds a fixed few, and none of them reads `*` (a prepared `select *` fails once a
 * migration adds a column). PGlite's thread prepares every statement anyway (`pglite-thread.ts`).
 */
export const PREPARED_MARK = "/* prepared */ ";

/** Put first in a sql`` template: `sql\`${prepared}select ...\``. */
export const prepared = sql.raw(PREPARED_MARK);

const names = new Map<string, string>();

/** The statement's name on every connection: the same text always gets the same one. */
export function preparedName(text: string): string | undefined {
  if (!text.startsWith(PREPARED_MARK)) return undefined;
  let name = names.get(text);
  if (!name) names.set(text, (name = `limber_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`));
  return name;
}

/** A node-postgres Client that sends marked statements as named ones (its `query(text, values)` is what Kysely calls). */
export function preparingClient<C extends new (...args: any[]) => { query(...args: any[]): any }>(Client: C): C {
  return class extends Client {
    override query(...args: any[]): any {
      const [text, values] = args;
      const name = args.length === 2 && typeof text === "string" ? preparedName(text) : undefined;
      return name ? super.query({ name, text, values }) : super.query(...args);
    }
  };
}
