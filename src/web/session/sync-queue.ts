import type { SessionLog } from "../../core/session-log.ts";
import type { LocalStore } from "../adapters/storage.ts";

/**
 * Sends one log to the server. It carries the log's own id, so sending it twice is harmless.
 * Resolves with the HTTP status (and, for a refusal, the server's words); rejects when the
 * network could not be reached, or when the answer did not come from the server at all.
 */
export type SendLog = (log: SessionLog) => Promise<{ status: number; reason?: string }>;

/** A log the server would not take (4xx): it stays pending and is offered again later. */
export interface Refusal {
  id: string;
  status: number;
  reason: string;
}

export interface DrainResult {
  synced: string[];
  refused: Refusal[];
  /** True when draining stopped early: the network or the server was down, or a send failed. */
  interrupted: boolean;
  /** What a send rejected with, when that is what stopped the drain (for the caller to judge). */
  failure?: unknown;
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
    let reason: string | undefined;
    try {
      ({ status, reason } = await send(item.log));
    } catch (failure) {
      result.interrupted = true;
      result.failure = failure;
      break;
    }
    if (status >= 200 && status < 300) {
      await store.markSynced(item.id);
      result.synced.push(item.id);
    } else if (status >= 500) {
      result.interrupted = true;
      break;
    } else {
      result.refused.push({ id: item.id, status, reason: reason ?? `the server answered ${status}` });
    }
  }
  return result;
}
