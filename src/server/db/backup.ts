import { createReadStream, createWriteStream } from "node:fs";
import { open, rename } from "node:fs/promises";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { sql, type Kysely } from "kysely";
import { migrations } from "./migrations/index.ts";
import type { Tables } from "./tables.ts";

/** Tables in the order their foreign keys allow inserting them, with the key that orders their rows. */
const TABLES: { name: keyof Tables; key: string[]; json: string[] }[] = [
  { name: "organisations", key: ["id"], json: [] },
  { name: "users", key: ["id"], json: [] },
  { name: "auth_sessions", key: ["id"], json: [] },
  { name: "programs", key: ["id", "version"], json: ["document"] },
  { name: "session_logs", key: ["id"], json: ["holds"] },
  { name: "progress", key: ["user_id", "program_id"], json: ["state"] },
  { name: "invites", key: ["id"], json: [] },
  { name: "prescriptions", key: ["user_id"], json: ["schedule", "hold_overrides"] },
  { name: "calendar_feeds", key: ["user_id"], json: [] },
  { name: "messages", key: ["id"], json: [] },
  { name: "password_resets", key: ["token_hash"], json: [] },
  { name: "email_checks", key: ["token_hash"], json: [] },
  { name: "mail_settings", key: ["user_id"], json: [] },
  { name: "reminder_days", key: ["user_id", "local_day"], json: [] },
  { name: "weekly_summaries", key: ["user_id", "week_ending"], json: [] },
  { name: "mail_queue", key: ["id"], json: ["payload"] },
  // The key that signs unsubscribe links: restored, so links in mail already sent keep working.
  { name: "server_secrets", key: ["name"], json: [] },
  { name: "rate_limit_attempts", key: ["id"], json: [] },
  // voice_clips is left out: a cache of spoken sentences, spoken again when first needed after a restore.
];
const PAGE = 1000;
export const BACKUP_FORMAT = "limber-backup";
/** Tables whose rows belong to people; programs alone are also seeded at start-up. */
const PEOPLE_TABLES: (keyof Tables)[] = [
  "organisations",
  "users",
  "auth_sessions",
  "session_logs",
  "progress",
  "invites",
  "prescriptions",
  "calendar_feeds",
  "messages",
  "password_resets",
  "email_checks",
  "mail_settings",
  "reminder_days",
  "weekly_summaries",
  "mail_queue",
];

type Row = Record<string, unknown>;

function plain(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = v instanceof Date ? v.toISOString() : v;
  return out;
}

/**
 * Writes every row of every table as JSON lines (a header line, then one line per row) from
 * one consistent snapshot, to a temporary file that replaces `file` only once it is complete and flushed.
 */
export async function writeBackup(db: Kysely<Tables>, file: string, now: Date): Promise<Record<string, number>> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { flags: "w", mode: 0o600 });
  const write = async (line: unknown) => {
    if (!out.write(JSON.stringify(line) + "\n")) await once(out, "drain");
  };
  const counts: Record<string, number> = {};
  await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (tx) => {
      await write({ format: BACKUP_FORMAT, version: 1, migrations: Object.keys(migrations), createdAt: now.toISOString() });
      for (const t of TABLES) {
        let count = 0;
        for (let offset = 0; ; offset += PAGE) {
          let q = tx.selectFrom(t.name).selectAll();
          for (const k of t.key) q = q.orderBy(sql.ref(k));
          const rows = (await q.limit(PAGE).offset(offset).execute()) as Row[];
          for (const row of rows) await write({ table: t.name, row: plain(row) });
          count += rows.length;
          if (rows.length < PAGE) break;
        }
        counts[t.name] = count;
      }
    });
  out.end();
  await once(out, "finish");
  const handle = await open(partial, "r+");
  await handle.sync();
  await handle.close();
  await rename(partial, file);
  return counts;
}

/** Rows already in the tables that hold people's data. */
export async function peopleRowCount(db: Kysely<Tables>): Promise<number> {
  let total = 0;
  for (const t of PEOPLE_TABLES) {
    const r = await db
      .selectFrom(t)
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    total += Number(r.n);
  }
  return total;
}

export class RestoreRefused extends Error {}

/**
 * Loads a backup in one transaction: all of it or none. Refuses a database that already holds
 * people's data unless `force`, which first empties every table.
 */
export async function restoreBackup(db: Kysely<Tables>, file: string, options: { force: boolean }): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.transaction().execute(async (tx) => {
    // Opened here, right before reading, so no line is emitted before the loop listens.
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    let header = true;
    let lineNo = 0;
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === "") continue;
      let entry: Row;
      try {
        entry = JSON.parse(line) as Row;
      } catch {
        throw new RestoreRefused(`${file} line ${lineNo} is not JSON: this is not a Limber backup or it is damaged`);
      }
      if (header) {
        header = false;
        await checkHeader(tx, entry, file, options.force);
        continue;
      }
      const table = TABLES.find((t) => t.name === entry.table);
      if (!table || typeof entry.row !== "object" || entry.row === null)
        throw new RestoreRefused(`${file} line ${lineNo}: unknown table "${String(entry.table)}"`);
      const row = { ...(entry.row as Row) };
      for (const c of table.json) row[c] = JSON.stringify(row[c]);
      await tx
        .insertInto(table.name)
        .values(row as never)
        .execute();
      counts[table.name] = (counts[table.name] ?? 0) + 1;
    }
    if (header) throw new RestoreRefused(`${file} is empty: not a Limber backup`);
  });
  return counts;
}

async function checkHeader(tx: Kysely<Tables>, header: Row, file: string, force: boolean): Promise<void> {
  if (header.format !== BACKUP_FORMAT || header.version !== 1)
    throw new RestoreRefused(`${file} is not a Limber backup (no "${BACKUP_FORMAT}" header)`);
  const known = Object.keys(migrations);
  const theirs = Array.isArray(header.migrations) ? (header.migrations as string[]) : [];
  const unknown = theirs.filter((m) => !known.includes(m));
  if (unknown.length > 0)
    throw new RestoreRefused(`${file} comes from a newer Limber (schema ${unknown.join(", ")}); upgrade before restoring`);
  if (theirs.length !== known.length)
    throw new RestoreRefused(
      `${file} was made with schema ${theirs.at(-1)}, this Limber is at ${known.at(-1)}; restore it with the matching version`,
    );
  const existing = await peopleRowCount(tx);
  if (existing > 0 && !force) {
    throw new RestoreRefused(
      `the database is not empty (${existing} rows of accounts and sessions); restore into an empty one, or pass --force to replace everything in it`,
    );
  }
  // Seeded programs go too, so the restored database holds exactly what the backup holds.
  for (const t of [...TABLES].reverse()) await tx.deleteFrom(t.name).execute();
}
