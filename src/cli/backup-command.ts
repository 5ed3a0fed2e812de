import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { openDatabase, databaseConfigFrom, describeDatabase } from "../server/db/database.ts";
import { RestoreRefused, restoreBackup, writeBackup } from "../server/db/backup.ts";
import { checkIntegrity } from "../server/db/integrity-check.ts";
import { parseArgs, UsageError } from "./args.ts";
import type { Command } from "./commands.ts";

function fileArgument(positional: string[], usage: string): string {
  if (positional.length !== 1) throw new UsageError(`expected one file. Usage: ${usage}`);
  return resolve(positional[0]!);
}

const counted = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([t, n]) => `${n} ${t}`)
    .join(", ") || "nothing";

/** `limber backup <file>`: every table, from one consistent snapshot, as JSON lines. */
export const backupCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, [], ["data"]);
  const file = fileArgument(args.positional, "limber backup <file> [--data DIR]");
  const config = databaseConfigFrom(process.env, args.flags.get("data") as string | undefined);
  const database = await openDatabase(config);
  try {
    const counts = await writeBackup(database.db, file, new Date());
    io.out(`Backed up ${describeDatabase(config)} to ${file}: ${counted(counts)}`);
    return 0;
  } finally {
    await database.close();
  }
};

/** `limber restore <file>`: into an empty database, or over a full one with --force. */
export const restoreCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, ["force"], ["data"]);
  const file = fileArgument(args.positional, "limber restore <file> [--data DIR] [--force]");
  if (!existsSync(file)) {
    io.err(`limber restore: ${file} does not exist`);
    return 1;
  }
  const config = databaseConfigFrom(process.env, args.flags.get("data") as string | undefined);
  const database = await openDatabase(config);
  try {
    const counts = await restoreBackup(database.db, file, { force: args.flags.has("force") });
    io.out(`Restored ${file} into ${describeDatabase(config)}: ${counted(counts)}`);
    return 0;
  } catch (e) {
    if (e instanceof RestoreRefused) {
      io.err(`limber restore: ${e.message}. Nothing was changed.`);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
};

/** `limber check`: reads every table and index of the database and reports damage (exit 1). */
export const checkCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, [], ["data"]);
  if (args.positional.length > 0) throw new UsageError(`unexpected argument "${args.positional[0]}". Usage: limber check [--data DIR]`);
  const config = databaseConfigFrom(process.env, args.flags.get("data") as string | undefined);
  const database = await openDatabase(config);
  try {
    const report = await checkIntegrity(database.db);
    if (report.problems.length === 0) {
      io.out(`Checked ${describeDatabase(config)}: ${report.tables} tables and ${report.indexes} indexes read in full, no damage found`);
      return 0;
    }
    io.err(
      [
        `limber check: ${describeDatabase(config)} is damaged:`,
        ...report.problems.map((p) => `  - ${p}`),
        "Stop the server, keep this folder as it is, and restore your last backup into a new, empty folder: limber restore BACKUP.json --data NEW-FOLDER.",
      ].join("\n"),
    );
    return 1;
  } finally {
    await database.close();
  }
};
