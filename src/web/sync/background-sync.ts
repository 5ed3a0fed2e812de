import { signal } from "@preact/signals";
import type { LocalStore } from "../adapters/storage.ts";
import { changeProgress, progress, sessions } from "../app-data.ts";
import { todaysProgram } from "../programs.ts";
import { drainQueue } from "../session/sync-queue.ts";
import { account, fetchProgress, refreshAccount, sendLog } from "./server-api.ts";

export type SyncStatus = "idle" | "syncing" | "offline" | "signed-out";
export const syncStatus = signal<SyncStatus>("idle");

const RETRY_MS = 30_000;
let running: Promise<void> | null = null;

/**
 * Offers pending session logs to the server when signed in, then takes the server's progress
 * when it has seen more sessions than this device. One drain at a time; a failed one is simply
 * tried again later, and nothing pending is ever dropped (drainQueue's promise).
 */
export function syncNow(store: LocalStore): Promise<void> {
  running ??= (async () => {
    try {
      if (account.value === undefined || account.value === null) await refreshAccount();
      if (!account.value) {
        syncStatus.value = navigator.onLine ? "signed-out" : "offline";
        return;
      }
      syncStatus.value = "syncing";
      const result = await drainQueue(store, sendLog);
      sessions.value = await store.listSessions();
      if (result.interrupted) {
        syncStatus.value = "offline";
        return;
      }
      const server = await fetchProgress(todaysProgram.id);
      const local = progress.value;
      if (server && (!local || server.sessionsProgressed > local.sessionsProgressed)) await changeProgress(store, server);
      syncStatus.value = "idle";
    } catch {
      syncStatus.value = "offline";
    } finally {
      running = null;
    }
  })();
  return running;
}

/** Syncs at start-up, whenever the browser comes back online or the page is shown again, and every 30 s. */
export function startBackgroundSync(store: LocalStore): void {
  const kick = () => void syncNow(store);
  window.addEventListener("online", kick);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") kick();
  });
  setInterval(() => {
    void store.listSessions().then((list) => {
      if (list.some((s) => s.syncState === "pending")) kick();
    });
  }, RETRY_MS);
  kick();
}
