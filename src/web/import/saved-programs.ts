import { openDB, type IDBPDatabase } from "idb";
import type { Program } from "../../core/program.ts";
import { DB_NAME, DB_VERSION, upgradeLimberDb, type LimberDB } from "../adapters/storage.idb.ts";

/** A program the user made on this device (from the Import page), kept in the `programs` store. */
export interface SavedProgram {
  id: string;
  program: Program;
  /** Wall-clock ISO time of the last save. */
  savedAt: string;
  origin: "imported";
}

/** The user's own programs on this device. */
export interface SavedPrograms {
  list(): Promise<SavedProgram[]>;
  get(id: string): Promise<SavedProgram | undefined>;
  put(saved: SavedProgram): Promise<void>;
  remove(id: string): Promise<void>;
}

const opened = new Map<string, Promise<IDBPDatabase<LimberDB>>>();

/** Opens the programs store in the app's IndexedDB database (same version and upgrade path as the rest). */
export function openSavedPrograms(name = DB_NAME): SavedPrograms {
  const db = () => {
    if (!opened.has(name)) opened.set(name, openDB<LimberDB>(name, DB_VERSION, { upgrade: upgradeLimberDb }));
    return opened.get(name)!;
  };
  return {
    list: async () => (await (await db()).getAll("programs")).sort((a, b) => b.savedAt.localeCompare(a.savedAt)),
    get: async (id) => (await db()).get("programs", id),
    put: async (saved) => void (await (await db()).put("programs", saved)),
    remove: async (id) => (await db()).delete("programs", id),
  };
}
