import { sql, type Kysely } from "kysely";
import type { Tables } from "./tables.ts";

export interface IntegrityReport {
  tables: number;
  indexes: number;
  problems: string[];
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Reads every table in full and every index with the table behind it, and compares their row
 * counts: a table file cut short reads as fewer rows (or fails) while its indexes still point
 * into it. Each problem names the table or index and what went wrong.
 */
export async function checkIntegrity(db: Kysely<Tables>): Promise<IntegrityReport> {
  const indexes = await sql<{ table: string; index: string; columns: string }>`
    select t.relname as "table", i.relname as "index",
      (select string_agg(quote_ident(a.attname), ', ' order by k.n) from unnest(x.indkey) with ordinality k(attnum, n)
        join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum) as columns
    from pg_index x join pg_class t on t.oid = x.indrelid join pg_class i on i.oid = x.indexrelid
    join pg_namespace s on s.oid = t.relnamespace
    where s.nspname = current_schema() and t.relkind = 'r' order by 1, 2`.execute(db);
  const tables = [
    ...new Set(
      (await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = current_schema() order by 1`.execute(db)).rows.map(
        (r) => r.t,
      ),
    ),
  ];
  const problems: string[] = [];
  const rowsIn = new Map<string, number>();
  for (const table of tables) {
    try {
      const r = await db.transaction().execute(async (tx) => {
        await sql`set local enable_indexscan = off`.execute(tx);
        await sql`set local enable_indexonlyscan = off`.execute(tx);
        await sql`set local enable_bitmapscan = off`.execute(tx);
        return sql<{ n: string }>`select count(*) as n from ${sql.raw(quoted(table))}`.execute(tx);
      });
      rowsIn.set(table, Number(r.rows[0]!.n));
    } catch (e) {
      problems.push(`table ${table} could not be read: ${(e as Error).message}`);
    }
  }
  for (const { table, index, columns } of indexes.rows) {
    if (!columns) continue;
    try {
      const r = await db.transaction().execute(async (tx) => {
        await sql`set local enable_seqscan = off`.execute(tx);
        await sql`set local enable_bitmapscan = off`.execute(tx);
        await sql`set local enable_indexonlyscan = off`.execute(tx);
        // Ordered by the index's columns, so the index is walked and every row it points to is read.
        return sql<{
          n: string;
        }>`select count(*) as n from (select ${sql.raw(columns)} from ${sql.raw(quoted(table))} order by ${sql.raw(columns)}) walked`.execute(
          tx,
        );
      });
      const n = Number(r.rows[0]!.n);
      const expected = rowsIn.get(table);
      if (expected !== undefined && n !== expected)
        problems.push(`index ${index} of table ${table} holds ${n} rows, the table ${expected}`);
    } catch (e) {
      problems.push(`index ${index} of table ${table} could not be read: ${(e as Error).message}`);
    }
  }
  return { tables: tables.length, indexes: indexes.rows.length, problems };
}
