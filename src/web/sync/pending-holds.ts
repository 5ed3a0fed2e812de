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
const keyOf = (h: PendingHold) => `${h.programId}/${h.exerciseId}/${h.phaseId}`;

export function pendingHolds(storage: HoldStorage): PendingHold[] {
  try {
    const list = JSON.parse(storage.getItem(KEY) ?? "[]") as PendingHold[];
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
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
