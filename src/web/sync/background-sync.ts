import { signal } from "@preact/signals";
import type { LocalStore } from "../adapters/storage.ts";
import { changeProgress, changeSettings, progress, sessions, settings } from "../app-data.ts";
import { todaysProgram } from "../programs.ts";
import { drainQueue } from "../session/sync-queue.ts";
import { pendingHolds, sendPendingHolds } from "./pending-holds.ts";
import { account, callApi, fetchProgress, NetworkError, putHold, refreshAccount, sendLog } from "./server-api.ts";

/** "failed": something other than the network went wrong (a bug); it is logged, and nothing pending is dropped. */
export type SyncStatus = "idle" | "syncing" | "offline" | "signed-out" | "failed";
export const syncStatus = signal<SyncStatus>("idle");

const RETRY_MS = 30_000;
let running: Promise<void> | null = null;
let askedAgain = false;

/**
 * Offers pending session logs, then holds set by hand, to the server when signed in, then takes
 * the server's progress when it has seen more sessions than this device. One round at a time; a
 * call during a round asks for one more after it, so nothing queued meanwhile waits for the timer.
 * A failed round is simply tried again later, and nothing pending is ever dropped; only an
 * unreachable server counts as offline, any other error is logged and shown as a failure.
 */
export function syncNow(store: LocalStore): Promise<void> {
  if (running) {
    askedAgain = true;
    return running;
  }
  running = (async () => {
    try {
      if (account.value === undefined || account.value === null) await refreshAccount();
      if (!account.value) {
        syncStatus.value = navigator.onLine ? "signed-out" : "offline";
        return;
      }
      syncStatus.value = "syncing";
      const result = await drainQueue(store, sendLog);
      sessions.value = await store.listSessions();
      if (result.failure !== undefined && !(result.failure instanceof NetworkError)) throw result.failure;
      if (result.interrupted || (await sendPendingHolds(localStorage, putHold)).interrupted) {
        syncStatus.value = "offline";
        return;
      }
      const server = await fetchProgress(todaysProgram.id);
      const local = progress.value;
      if (server && (!local || server.sessionsProgressed > local.sessionsProgressed)) await changeProgress(store, server);
      await agreeOnPlan(store);
      if (result.refused.length > 0 && account.value === null) {
        // The session ended meanwhile (401): the sessions wait for the next sign-in.
        syncStatus.value = "signed-out";
      } else if (result.refused.length > 0) {
        // Kept and offered again; never reported as saved on the server while one is still here.
        for (const r of result.refused) console.error(`limber: the server would not take session ${r.id} (${r.status}): ${r.reason}`);
        syncStatus.value = "failed";
      } else {
        syncStatus.value = "idle";
      }
    } catch (error) {
      if (error instanceof NetworkError) {
        syncStatus.value = "offline";
      } else {
        console.error("limber: sync failed:", error);
        syncStatus.value = "failed";
      }
    } finally {
      running = null;
      if (askedAgain) {
        askedAgain = false;
        void syncNow(store);
      }
    }
  })();
  return running;
}

/**
 * The person's plan is theirs on every device: one chosen on another device is taken here, and one chosen
 * here (perhaps before signing in) is given to the account. Neither side ever makes one up.
 */
async function agreeOnPlan(store: LocalStore): Promise<void> {
  const me = account.value;
  if (!me) return;
  const mine = settings.value.plan;
  if (!mine && me.plan) {
    await changeSettings(store, { plan: me.plan });
  } else if (mine && !me.plan) {
    const r = await callApi<{ planDaysPerWeek: number; planSince: string }>("PUT", "/api/settings", {
      planDaysPerWeek: mine.daysPerWeek,
      since: mine.since,
    });
    if (r.status === 200 && account.value)
      account.value = { ...account.value, plan: { daysPerWeek: r.body.planDaysPerWeek, since: r.body.planSince } };
  }
}

/**
 * Offers the pending sessions to the server now (a round already running is followed by one more),
 * then says where the session with this id is: on the server, waiting for the network, kept here
 * after something other than the network went wrong, or on this device only because nobody is signed in.
 */
export async function deliverNow(store: LocalStore, logId: string): Promise<"sent" | "waiting" | "kept" | "device-only"> {
  await syncNow(store);
  while (running) await running;
  const item = (await store.listSessions()).find((s) => s.id === logId);
  if (item?.syncState === "synced") return "sent";
  if (syncStatus.value === "signed-out") return "device-only";
  return syncStatus.value === "failed" ? "kept" : "waiting";
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
      if (list.some((s) => s.syncState === "pending") || pendingHolds(localStorage).length > 0) kick();
    });
  }, RETRY_MS);
  kick();
}
