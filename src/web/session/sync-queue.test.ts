import { describe, expect, it } from "vitest";
import type { SessionLog } from "../../core/session-log.ts";
import { memoryStore } from "../adapters/storage.memory.ts";
import { drainQueue, type SendLog } from "./sync-queue.ts";

function log(id: string, startedAt: string): SessionLog {
  return {
    id,
    programId: "p",
    programVersion: 1,
    startedAt,
    endedAt: startedAt,
    completed: true,
    stepsDone: 1,
    stepsTotal: 1,
    holds: [],
    painBefore: null,
    painAfter: null,
    notes: "",
  };
}

const ids = ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002", "00000000-0000-4000-8000-000000000003"];

async function storeWithThree() {
  const store = memoryStore();
  // Stored out of order: draining must still go oldest first.
  await store.finishSession(log(ids[2]!, "2026-11-03T08:00:00.000Z"), null);
  await store.finishSession(log(ids[0]!, "2026-11-01T08:00:00.000Z"), null);
  await store.finishSession(log(ids[1]!, "2026-11-02T08:00:00.000Z"), null);
  return store;
}

const states = async (store: ReturnType<typeof memoryStore>) => (await store.listSessions()).map((s) => s.syncState);

describe("drainQueue", () => {
  it("sends pending logs one by one, oldest first, each with its own id, and marks them synced on 2xx", async () => {
    const store = await storeWithThree();
    const sent: string[] = [];
    let inFlight = 0;
    const send: SendLog = async (l) => {
      inFlight++;
      expect(inFlight).toBe(1);
      sent.push(l.id);
      await Promise.resolve();
      inFlight--;
      return { status: l.id === ids[1] ? 200 : 201 };
    };
    const result = await drainQueue(store, send);
    expect(sent).toEqual(ids);
    expect(result).toEqual({ synced: ids, refused: [], interrupted: false });
    expect(await states(store)).toEqual(["synced", "synced", "synced"]);
  });

  it("leaves the rest pending when the network fails, and deletes nothing", async () => {
    const store = await storeWithThree();
    const send: SendLog = async (l) => {
      if (l.id === ids[1]) throw new TypeError("Failed to fetch");
      return { status: 200 };
    };
    const result = await drainQueue(store, send);
    expect(result.interrupted).toBe(true);
    expect(result.failure).toEqual(new TypeError("Failed to fetch"));
    expect(await states(store)).toEqual(["synced", "pending", "pending"]);
    expect(store.sessions.size).toBe(3);
  });

  it("stops on a 5xx and keeps that log pending for the next try", async () => {
    const store = await storeWithThree();
    const sent: string[] = [];
    const result = await drainQueue(store, async (l) => (sent.push(l.id), { status: 503 }));
    expect(sent).toEqual([ids[0]]);
    expect(result).toEqual({ synced: [], refused: [], interrupted: true });
    expect(await states(store)).toEqual(["pending", "pending", "pending"]);
  });

  it("keeps a refused (4xx) log pending with the server's words, and goes on with the others", async () => {
    const store = await storeWithThree();
    const result = await drainQueue(store, async (l) =>
      l.id === ids[0] ? { status: 409, reason: "This session's id is already used." } : l.id === ids[1] ? { status: 422 } : { status: 200 },
    );
    expect(result).toEqual({
      synced: [ids[2]],
      refused: [
        { id: ids[0], status: 409, reason: "This session's id is already used." },
        { id: ids[1], status: 422, reason: "the server answered 422" },
      ],
      interrupted: false,
    });
    expect(await states(store)).toEqual(["pending", "pending", "synced"]);
  });

  it("does not send logs that are already synced, so a second drain sends nothing", async () => {
    const store = await storeWithThree();
    await drainQueue(store, async () => ({ status: 200 }));
    const again: string[] = [];
    await drainQueue(store, async (l) => (again.push(l.id), { status: 200 }));
    expect(again).toEqual([]);
  });
});
