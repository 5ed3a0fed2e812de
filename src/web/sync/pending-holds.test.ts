import { describe, expect, it } from "vitest";
import { pendingHolds, queueHold, sendPendingHolds, UNREADABLE_KEY, type HoldStorage, type PendingHold } from "./pending-holds.ts";

function memoryStorage(): HoldStorage & { raw: Map<string, string> } {
  const raw = new Map<string, string>();
  return { raw, getItem: (k) => raw.get(k) ?? null, setItem: (k, v) => void raw.set(k, v) };
}

const hold = (phaseId: string, seconds: number | null): PendingHold => ({ programId: "p", exerciseId: "e", phaseId, seconds });

describe("pending holds", () => {
  it("keeps the last choice for each hold, in the order they were set", () => {
    const s = memoryStorage();
    queueHold(s, hold("a", 20));
    queueHold(s, hold("b", 30));
    queueHold(s, hold("a", 25));
    expect(pendingHolds(s)).toEqual([hold("b", 30), hold("a", 25)]);
  });

  it("sends each once, and drops a hold the server will never take", async () => {
    const s = memoryStorage();
    queueHold(s, hold("a", 20));
    queueHold(s, hold("gone", 30));
    queueHold(s, hold("c", null));
    const seen: string[] = [];
    const result = await sendPendingHolds(s, async (h) => (seen.push(h.phaseId), h.phaseId === "gone" ? 400 : 200));
    expect(result).toEqual({ sent: 2, interrupted: false });
    expect(seen).toEqual(["a", "gone", "c"]);
    expect(pendingHolds(s)).toEqual([]);
  });

  it("stops at a network failure, signed-out answer or server error and keeps the rest for later", async () => {
    for (const failure of [
      () => Promise.reject(new TypeError("Failed to fetch")),
      () => Promise.resolve(401),
      () => Promise.resolve(503),
    ]) {
      const s = memoryStorage();
      queueHold(s, hold("a", 20));
      queueHold(s, hold("b", 30));
      let calls = 0;
      const result = await sendPendingHolds(s, () => (++calls === 1 ? Promise.resolve(200) : failure()));
      expect(result).toEqual({ sent: 1, interrupted: true });
      expect(pendingHolds(s)).toEqual([hold("b", 30)]);
    }
  });

  it("keeps a hold that was set again while the older value was on its way", async () => {
    const s = memoryStorage();
    queueHold(s, hold("a", 20));
    await sendPendingHolds(s, async () => {
      queueHold(s, hold("a", 35));
      return 200;
    });
    expect(pendingHolds(s)).toEqual([hold("a", 35)]);
  });

  it("keeps an unreadable queue aside, says so, and starts a new one", () => {
    const s = memoryStorage();
    s.raw.set("limber-pending-holds", "{not json");
    const reports: string[] = [];
    expect(pendingHolds(s, (p) => reports.push(p))).toEqual([]);
    expect(s.raw.get(UNREADABLE_KEY)).toBe("{not json");
    expect(s.raw.get("limber-pending-holds")).toBe("[]");
    expect(reports).toEqual([
      "limber: the holds waiting on this device could not all be read; kept 0 holds, the queue as it was is saved under limber-pending-holds-unreadable",
    ]);
    // Reported once: the queue is readable again.
    expect(pendingHolds(s, (p) => reports.push(p))).toEqual([]);
    expect(reports).toHaveLength(1);
  });

  it("keeps the holds it can read from a queue with a damaged entry", () => {
    const s = memoryStorage();
    const damaged = JSON.stringify([hold("a", 20), { programId: "p", seconds: "twenty" }, hold("c", null)]);
    s.raw.set("limber-pending-holds", damaged);
    const reports: string[] = [];
    expect(pendingHolds(s, (p) => reports.push(p))).toEqual([hold("a", 20), hold("c", null)]);
    expect(s.raw.get(UNREADABLE_KEY)).toBe(damaged);
    expect(reports).toEqual([
      "limber: the holds waiting on this device could not all be read; kept 2 holds, the queue as it was is saved under limber-pending-holds-unreadable",
    ]);
  });
});
