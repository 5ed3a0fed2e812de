import { existsSync } from "node:fs";
import { chmod, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { LOCK_FILE } from "./data-lock.ts";

/** The file that says a folder holds Limber's own database (written when Limber makes it). */
export const MARKER_FILE = "limber-data-folder.json";
/** What else Limber keeps in a data folder, besides the database's own files. */
const LIMBER_FILES = new Set([LOCK_FILE, MARKER_FILE, ".limber-room-check", "operator.sock", "outbox"]);

/** A folder Limber will not open: what is wrong with it and what to do, in words for the operator. */
export class DataFolderRefused extends Error {}

const restoreAdvice = (dir: string) =>
  `Nothing was changed. Keep this folder as it is (it may still be rescued), and restore your last backup into a new, empty folder: ` +
  `limber restore BACKUP.json --data NEW-FOLDER (a backup is made with limber backup), then start Limber on the new folder.`;

/** Refuses a folder that is damaged, naming the problem; `dir` is the folder as the operator named it. */
function damaged(dir: string, problem: string): DataFolderRefused {
  return new DataFolderRefused(`the data folder ${dir} is damaged: ${problem}. ${restoreAdvice(dir)}`);
}

/** A PostgreSQL database the start-up check found damaged: what is wrong and what to do, for the operator. */
export class DatabaseDamaged extends Error {}

/**
 * The refusal for a database the check found damaged: a data folder's (restore into a new folder)
 * or a PostgreSQL database's (restore into a new, empty database), naming the first problem.
 */
export function damagedDatabase(where: { dataDir: string } | { database: string }, problems: string[]): Error {
  // The first problem names the table; one damaged table file often breaks all its indexes alike.
  const others = problems.length - 1;
  const listing = "dataDir" in where ? `limber check --data ${where.dataDir}` : "limber check";
  const found = problems[0] + (others > 0 ? `; and ${others} more problem${others === 1 ? "" : "s"} (${listing} lists them all)` : "");
  if ("dataDir" in where) return damaged(where.dataDir, found);
  return new DatabaseDamaged(
    `the database ${where.database} is damaged: ${found}. Nothing was changed. Keep it as it is (it may still be rescued), ` +
      "and restore your last backup into a new, empty database: DATABASE_URL=NEW-DATABASE limber restore BACKUP.json " +
      "(a backup is made with limber backup), then start Limber with DATABASE_URL naming the new database.",
  );
}

/**
 * A cheap look at a data folder before the database is opened, so a damaged folder is never
 * taken for a new one: a new database is made only in an empty folder (or one with nothing but
 * Limber's own files), which then gets Limber's marker; a folder with a database needs its
 * PostgreSQL files in place; any other non-empty folder is refused. Answers "new" or "existing".
 */
export async function checkDataFolder(dataDir: string): Promise<"new" | "existing"> {
  const dir = resolve(dataDir);
  const entries = (await readdir(dir)).filter((e) => !LIMBER_FILES.has(e));
  const marked = existsSync(join(dir, MARKER_FILE));
  if (entries.length === 0 && !marked) {
    await writeFile(join(dir, MARKER_FILE), JSON.stringify({ madeBy: "limber", madeAt: new Date().toISOString() }) + "\n", { mode: 0o600 });
    return "new";
  }
  if (!marked && !entries.includes("PG_VERSION")) {
    throw new DataFolderRefused(
      `the data folder ${dataDir} is not empty and is not a Limber data folder (it has no ${MARKER_FILE} and no database). ` +
        "Limber makes a new database only in an empty folder, so nothing there is overwritten: name an empty or new folder with --data.",
    );
  }
  if (entries.length === 0) throw damaged(dataDir, "every database file is gone (only Limber's own files are left)");
  const version = await readFile(join(dir, "PG_VERSION"), "utf8").catch(() => undefined);
  if (version === undefined) throw damaged(dataDir, "the file PG_VERSION is missing");
  if (!/^\d+\n?$/.test(version)) throw damaged(dataDir, "the file PG_VERSION does not hold a PostgreSQL version");
  const control = await stat(join(dir, "global", "pg_control")).catch(() => undefined);
  if (!control) throw damaged(dataDir, "the file global/pg_control is missing");
  if (control.size !== 8192) throw damaged(dataDir, `the file global/pg_control is ${control.size} bytes, not 8192`);
  const databases = await readdir(join(dir, "base")).catch(() => [] as string[]);
  if (databases.length === 0) throw damaged(dataDir, "the folder base, which holds the tables, is missing or empty");
  // A folder made before Limber wrote its marker: it has a database, so it is Limber's.
  if (!marked)
    await writeFile(join(dir, MARKER_FILE), JSON.stringify({ madeBy: "limber", adoptedAt: new Date().toISOString() }) + "\n", {
      mode: 0o600,
    });
  return "existing";
}

/** The refusal for a folder whose files looked whole but on which the database would not start. */
export function wouldNotStart(dataDir: string, error: unknown): DataFolderRefused {
  const why = error instanceof Error ? error.message : String(error);
  return damaged(dataDir, `the database would not start on it (${why.split("\n")[0]})`);
}

/**
 * Makes every file in the folder readable by its owner only (0600, folders 0700). PGlite sets
 * the modes of the files it makes itself, ignoring the umask, so this runs each time PGlite has
 * started on the folder. Answers how many modes it changed.
 */
export async function keepFolderPrivate(dataDir: string): Promise<number> {
  let changed = 0;
  // The folder itself too: one made beforehand (a mounted volume, say) may let others list it.
  if (((await stat(dataDir)).mode & 0o077) !== 0) {
    await chmod(dataDir, 0o700);
    changed++;
  }
  const entries = (await readdir(dataDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile() || e.isDirectory());
  // Side by side rather than one after another: some 1,000 files, looked at during every start.
  const changes = await Promise.all(
    entries.map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      const mode = (await stat(path).catch(() => undefined))?.mode;
      if (mode === undefined || (mode & 0o077) === 0) return 0;
      await chmod(path, entry.isDirectory() ? 0o700 : 0o600).catch(() => undefined);
      return 1;
    }),
  );
  return changed + changes.reduce<number>((n, c) => n + c, 0);
}
