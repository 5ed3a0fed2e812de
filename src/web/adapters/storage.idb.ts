import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { ProgressState } from "../../core/progress.ts";
import type { ActiveSession } from "../session/active-session.ts";
import type { Settings } from "../settings.ts";
import type { SavedProgram } from "../import/saved-programs.ts";
import type { LocalStore, QueuedSession } from "./storage.ts";

export interface LimberDB extends DBSchema {
  settings: { key: string; value: Settings };
  progress: { key: string; value: ProgressState };
  active: { key: string; value: ActiveSession };
  sessions: { key: string; value: QueuedSession; indexes: { bySyncState: string } };
  /** The user's own programs (src/web/import/saved-programs.ts); added in version 2. */
  programs: { key: string; value: SavedProgram };
}

export const DB_NAME = "limber";
export const DB_VERSION = 2;
const ONLY = "current";

/** Adds what each version brought, from the version the device has, so no existing row is lost. */
export function upgradeLimberDb(d: IDBPDatabase<LimberDB>, oldVersion: number): void {
  if (oldVersion < 1) {
    d.createObjectStore("settings");
    d.createObjectStore("progress", { keyPath: "programId" });
    d.createObjectStore("active");
    d.createObjectStore("sessions", { keyPath: "id" }).createIndex("bySyncState", "syncState");
  }
  if (oldVersion < 2) d.createObjectStore("programs", { keyPath: "id" });
}

/** The device store in IndexedDB: survives reloads, offline use and the app being closed. */
export async function openIdbStore(name = DB_NAME): Promise<LocalStore> {
  const db: IDBPDatabase<LimberDB> = await openDB<LimberDB>(name, DB_VERSION, { upgrade: upgradeLimberDb });
  return {
    getSettings: () => db.get("settings", ONLY),
    putSettings: async (s) => void (await db.put("settings", s, ONLY)),
    getProgress: (programId) => db.get("progress", programId),
    putProgress: async (p) => void (await db.put("progress", p)),
    getActiveSession: () => db.get("active", ONLY),
    putActiveSession: async (a) => void (await db.put("active", a, ONLY)),
    clearActiveSession: () => db.delete("active", ONLY),
    async finishSession(log, progress) {
      const tx = db.transaction(["sessions", "progress", "active"], "readwrite");
      await Promise.all([
        tx.objectStore("sessions").put({ id: log.id, syncState: "pending", log }),
        progress ? tx.objectStore("progress").put(progress) : Promise.resolve(),
        tx.objectStore("active").delete(ONLY),
        tx.done,
      ]);
    },
    listSessions: async () => sortByStart(await db.getAll("sessions")),
    async markSynced(id) {
      const tx = db.transaction("sessions", "readwrite");
      const row = await tx.store.get(id);
      if (row) await tx.store.put({ ...row, syncState: "synced" });
      await tx.done;
    },
  };
}

function sortByStart(rows: QueuedSession[]): QueuedSession[] {
  return rows.sort((a, b) => Date.parse(a.log.startedAt) - Date.parse(b.log.startedAt));
}
