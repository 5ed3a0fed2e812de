import type { ProgressState } from "../../core/progress.ts";
import type { ActiveSession } from "../session/active-session.ts";
import type { Settings } from "../settings.ts";
import type { LocalStore, QueuedSession } from "./storage.ts";

/** A store that lives in memory, for tests and for browsers without IndexedDB (private modes). */
export function memoryStore(): LocalStore & { sessions: Map<string, QueuedSession> } {
  let settings: Settings | undefined;
  let active: ActiveSession | undefined;
  const progress = new Map<string, ProgressState>();
  const sessions = new Map<string, QueuedSession>();
  const copy = <T>(v: T): T => structuredClone(v);
  return {
    sessions,
    getSettings: async () => (settings ? copy(settings) : undefined),
    putSettings: async (s) => void (settings = copy(s)),
    getProgress: async (id) => (progress.has(id) ? copy(progress.get(id)) : undefined),
    putProgress: async (p) => void progress.set(p.programId, copy(p)),
    getActiveSession: async () => (active ? copy(active) : undefined),
    putActiveSession: async (a) => void (active = copy(a)),
    clearActiveSession: async () => void (active = undefined),
    async finishSession(log, p) {
      sessions.set(log.id, { id: log.id, syncState: "pending", log: copy(log) });
      if (p) progress.set(p.programId, copy(p));
      active = undefined;
    },
    listSessions: async () => [...sessions.values()].map(copy).sort((a, b) => Date.parse(a.log.startedAt) - Date.parse(b.log.startedAt)),
    async markSynced(id) {
      const row = sessions.get(id);
      if (row) sessions.set(id, { ...row, syncState: "synced" });
    },
  };
}
