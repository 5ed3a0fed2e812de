import type { ProgressState } from "../../core/progress.ts";
import type { SessionLog } from "../../core/session-log.ts";
import type { ActiveSession } from "../session/active-session.ts";
import type { Settings } from "../settings.ts";

export type SyncState = "pending" | "synced";

/** A finished or abandoned session waiting on the device, and whether the server has it. */
export interface QueuedSession {
  id: string;
  syncState: SyncState;
  log: SessionLog;
}

/**
 * Everything Limber keeps on the device. Session logs double as the offline queue: they are
 * stored "pending", marked "synced" once the server has them, and never deleted before that.
 */
export interface LocalStore {
  getSettings(): Promise<Partial<Settings> | undefined>;
  putSettings(settings: Settings): Promise<void>;
  getProgress(programId: string): Promise<ProgressState | undefined>;
  putProgress(progress: ProgressState): Promise<void>;
  getActiveSession(): Promise<ActiveSession | undefined>;
  putActiveSession(active: ActiveSession): Promise<void>;
  clearActiveSession(): Promise<void>;
  /** Stores a session's log as pending, the progress it earned, and ends the active session, all at once. */
  finishSession(log: SessionLog, progress: ProgressState | null): Promise<void>;
  listSessions(): Promise<QueuedSession[]>;
  markSynced(id: string): Promise<void>;
}
