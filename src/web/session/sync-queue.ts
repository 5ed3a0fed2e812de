import type { SessionLog } from "../../core/session-log.ts";
import type { LocalStore } from "../adapters/storage.ts";

/**
 * Sends one log to the server. It carries the log's own id, so sending it twice is harmless.
 * Resolves with the HTTP status; rejects when the network could not be reached.
 */
export type SendLog = (log: SessionLog) => Promise<{ status: number }>;

export interface DrainResult {
  synced: string[];
  /** Left pending: the server refused them (4xx) and they will be offered again later. */
  refused: string[];
  /** True when draining stopped early because the network or the server was down. */
  interrupted: boolean;
}

/**
 * Offers every pending session log to the server, oldest first, one at a time. A 2xx marks it
 * synced. A network failure or 5xx stops the drain with the rest still pending. Nothing unsynced
 * is ever deleted.
 */
export async function drainQueue(store: LocalStore, send: SendLog): Promise<DrainResult> {
  const result: DrainResult = { synced: [], refused: [], interrupted: false };
  const pending = (await store.listSessions()).filter((s) => s.syncState === "pending");
  for (const item of pending) {
    let status: number;
    try {
      status = (await send(item.log)).status;
    } catch {
      result.interrupted = true;
      break;
    }
    if (status >= 200 && status < 300) {
      await store.markSynced(item.id);
      result.synced.push(item.id);
    } else if (status >= 500) {
      result.interrupted = true;
      break;
    } else {
      result.refused.push(item.id);
    }
  }
  return result;
}
