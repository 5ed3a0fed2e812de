import { sql, type Kysely, type RawBuilder, type Transaction } from "kysely";
import type { Tables } from "./tables.ts";

export interface IntegrityReport {
  tables: number;
  indexes: number;
  problems: string[];
}

/**
 * How far a check reads. "full" (`limber check`) reads every row of every table and walks every
 * index to its end; "quick" (each server start-up) reads the first row of each table and follows
 * each index to its first row, a few pages per relation: enough to find a table file cut short or
 * gone while its indexes still point into it, in milliseconds.
 */
export type CheckDepth = "full" | "quick";

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** One relation to read: a table by a sequential scan, or an index walked into its table. */
interface Read {
  label: string;
  query: RawBuilder<unknown>;
}

/**
 * Reads every table and every index with the table behind it, and compares what they hold: a
 * table file cut short reads as fewer rows (or fails) while its indexes still point into it. Each
 * problem names the table or index and what went wrong. Both depths run the same reads; "quick"
 * stops each at its first row. Everything is read from one snapshot (a repeatable-read
 * transaction), so rows another server process writes meanwhile are not taken for damage.
 */
export async function checkIntegrity(db: Kysely<Tables>, depth: CheckDepth = "full"): Promise<IntegrityReport> {
  const limit = depth === "quick" ? sql` limit 1` : sql``;
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (tx) => {
      const indexes = await sql<{ table: string; index: string; columns: string | null }>`
        select t.relname as "table", i.relname as "index",
          (select string_agg(quote_ident(a.attname), ', ' order by k.n) from unnest(x.indkey) with ordinality k(attnum, n)
            join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum) as columns
        from pg_index x join pg_class t on t.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
        join pg_namespace s on s.oid = t.relnamespace
        where s.nspname = current_schema() and t.relkind = 'r' order by 1, 2`.execute(tx);
      const tables = (
        await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = current_schema() order by 1`.execute(tx)
      ).rows.map((r) => r.t);

      // Tables by sequential scan only; then indexes by index scan only, each ordered by its columns, so
      // the index is walked and every row it points to is read.
      const tableReads = tables.map((table) => ({
        label: table,
        query: sql`select 1 from ${sql.raw(quoted(table))}${limit}`,
      }));
      const walked = indexes.rows.filter((r): r is typeof r & { columns: string } => r.columns !== null);
      const indexReads = walked.map(({ table, index, columns }) => ({
        label: index,
        query: sql`select ${sql.raw(columns)} from ${sql.raw(quoted(table))} order by ${sql.raw(columns)}${limit}`,
      }));
      await scanBy(tx, "sequential");
      const rowsIn = await countRows(tx, tableReads);
      await scanBy(tx, "index");
      const rowsOf = await countRows(tx, indexReads);

      const problems: string[] = [];
      for (const table of tables) {
        const n = rowsIn.get(table)!;
        if (n instanceof Error) problems.push(`table ${table} could not be read: ${n.message}`);
      }
      for (const { table, index } of walked) {
        const n = rowsOf.get(index)!;
        const expected = rowsIn.get(table);
        if (n instanceof Error) problems.push(`index ${index} of table ${table} could not be read: ${n.message}`);
        else if (typeof expected !== "number" || n === expected) continue;
        else if (expected === 0) problems.push(`index ${index} of table ${table} points to rows, but the table reads as empty`);
        else if (n === 0) problems.push(`index ${index} of table ${table} is empty, but the table has rows`);
        else problems.push(`index ${index} of table ${table} holds ${n} rows, the table ${expected}`);
      }
      return { tables: tables.length, indexes: indexes.rows.length, problems };
    });
}

/** Leaves the planner one way to read a table for the rest of the transaction: its file in order, or an index. */
async function scanBy(tx: Transaction<Tables>, way: "sequential" | "index"): Promise<void> {
  const [seq, index] = way === "sequential" ? ["on", "off"] : ["off", "on"];
  await sql`select set_config('enable_seqscan', ${seq}, true), set_config('enable_indexscan', ${index}, true),
    set_config('enable_indexonlyscan', 'off', true), set_config('enable_bitmapscan', 'off', true)`.execute(tx);
}

/**
 * Counts the rows of each read. All reads go in one statement (a few round trips for a whole
 * database, which keeps the start-up check cheap); only when that fails is each read run on its
 * own, to name the ones that fail. Each attempt is behind a savepoint, so a failed read leaves the
 * transaction (and its snapshot and settings) usable.
 */
async function countRows(tx: Transaction<Tables>, reads: Read[]): Promise<Map<string, number | Error>> {
  const counted = new Map<string, number | Error>();
  if (reads.length === 0) return counted;
  const run = async (batch: Read[]) => {
    const union = sql.join(
      batch.map((r) => sql`select ${r.label}::text as label, count(*)::int8 as n from (${r.query}) walked`),
      sql` union all `,
    );
    await sql`savepoint integrity_read`.execute(tx);
    try {
      const rows = (await sql<{ label: string; n: string }>`${union}`.execute(tx)).rows;
      await sql`release savepoint integrity_read`.execute(tx);
      return rows;
    } catch (e) {
      await sql`rollback to savepoint integrity_read`.execute(tx);
      throw e;
    }
  };
  try {
    for (const row of await run(reads)) counted.set(row.label, Number(row.n));
  } catch {
    for (const read of reads) {
      try {
        counted.set(read.label, Number((await run([read]))[0]!.n));
      } catch (e) {
        counted.set(read.label, e instanceof Error ? e : new Error(String(e)));
      }
    }
  }
  return counted;
}
