import { count } from "../../core/words.ts";
/** One hold set by hand on this device, waiting to reach the server. `seconds: null` means "Auto" again. */
export interface PendingHold {
  programId: string;
  exerciseId: string;
  phaseId: string;
  seconds: number | null;
}

/** Where the pending holds are kept: the browser's localStorage, or a stand-in in tests. */
export type HoldStorage = Pick<Storage, "getItem" | "setItem">;

const KEY = "limber-pending-holds";
/** Where a queue that could not be read is kept, untouched, for someone to look at. */
export const UNREADABLE_KEY = "limber-pending-holds-unreadable";
const keyOf = (h: PendingHold) => `${h.programId}/${h.exerciseId}/${h.phaseId}`;

const isHold = (h: unknown): h is PendingHold => {
  const x = h as Partial<PendingHold> | null;
  return (
    typeof x === "object" &&
    x !== null &&
    typeof x.programId === "string" &&
    typeof x.exerciseId === "string" &&
    typeof x.phaseId === "string" &&
    (x.seconds === null || (typeof x.seconds === "number" && Number.isFinite(x.seconds)))
  );
};

/**
 * The holds waiting to be sent. A queue that is not valid JSON, or holds entries that are not
 * holds, is copied as it was to UNREADABLE_KEY and reported; the holds that can be read are kept.
 */
export function pendingHolds(storage: HoldStorage, report: (problem: string) => void = console.error): PendingHold[] {
  const raw = storage.getItem(KEY);
  if (raw === null) return [];
  let list: unknown;
  try {
    list = JSON.parse(raw);
  } catch {
    list = null;
  }
  const holds = Array.isArray(list) ? list.filter(isHold) : [];
  if (!Array.isArray(list) || holds.length !== list.length) {
    storage.setItem(UNREADABLE_KEY, raw);
    write(storage, holds);
    const kept = count(holds.length, "hold");
    report(
      `limber: the holds waiting on this device could not all be read; kept ${kept}, the queue as it was is saved under ${UNREADABLE_KEY}`,
    );
  }
  return holds;
}

function write(storage: HoldStorage, list: PendingHold[]): void {
  storage.setItem(KEY, JSON.stringify(list));
}

/** Keeps a hold to send; a newer setting of the same hold replaces the older one (the last choice counts). */
export function queueHold(storage: HoldStorage, hold: PendingHold): void {
  write(storage, [...pendingHolds(storage).filter((h) => keyOf(h) !== keyOf(hold)), hold]);
}

/**
 * Sends one hold; resolves with the HTTP status, rejects when the network could not be reached.
 */
export type SendHold = (hold: PendingHold) => Promise<number>;

/** Answers the server gives a hold that will never be taken, however often it is sent. */
const NEVER_TAKEN = new Set([400, 404, 409, 413]);

/**
 * Offers every pending hold to the server in the order they were set. Taken (2xx) or refused for
 * good (a hold the program no longer has), it leaves the queue; signed out, offline or a server
 * error stops the round with the rest kept. A hold set again while its request was out stays queued.
 */
export async function sendPendingHolds(storage: HoldStorage, send: SendHold): Promise<{ sent: number; interrupted: boolean }> {
  let sent = 0;
  for (const hold of pendingHolds(storage)) {
    let status: number;
    try {
      status = await send(hold);
    } catch {
      return { sent, interrupted: true };
    }
    if ((status >= 200 && status < 300) || NEVER_TAKEN.has(status)) {
      write(
        storage,
        pendingHolds(storage).filter((h) => !(keyOf(h) === keyOf(hold) && h.seconds === hold.seconds)),
      );
      if (status < 300) sent++;
    } else {
      return { sent, interrupted: true };
    }
  }
  return { sent, interrupted: false };
}
