import { describe, expect, it } from "vitest";
import { Batches } from "./batches.ts";

/** A run that records each batch it was given and answers when told to. */
function recordingRun(fail: (items: readonly number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const run = (items: readonly number[]) =>
    new Promise<number[]>((resolve, reject) => {
      batches.push([...items]);
      pending.push(() => (fail(items) ? reject(new Error(`failed ${items.join(",")}`)) : resolve(items.map((i) => i * 10))));
    });
  /** Lets every batch started so far answer, then lets the batches that follow start (a turn of the event loop after). */
  const answer = async () => {
    while (pending.length > 0) pending.shift()!();
    await turn();
    await turn();
  };
  return { run, batches, pending, answer };
}

const turn = () => new Promise((r) => setImmediate(r));

describe("batches", () => {
  it("runs a lone item at once, and the items that came while it ran together after it", async () => {
    const { run, batches, answer } = recordingRun();
    const b = new Batches(run);
    const results = [1, 2, 3, 4].map((i) => b.submit(i));
    expect(batches).toEqual([[1]]);
    await answer();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    await answer();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40]);
    expect(b.statements).toBe(2);
  });

  it("starts the next batch a turn after the last one ended, so what arrives in that turn goes with it", async () => {
    const { run, batches, pending } = recordingRun();
    const b = new Batches(run);
    const results = [b.submit(1), b.submit(2)];
    expect(batches).toEqual([[1]]);
    pending.shift()!();
    // Comes in as the first batch ends, as a request read just after the database answered does.
    setImmediate(() => results.push(b.submit(3)));
    await turn();
    await turn();
    expect(batches).toEqual([[1], [2, 3]]);
    pending.shift()!();
    expect(await Promise.all(results)).toEqual([10, 20, 30]);
    expect(b.statements).toBe(2);
  });

  it("puts no more than its size in one batch", async () => {
    const { run, batches, answer } = recordingRun();
    const b = new Batches(run, 2);
    const results = [1, 2, 3, 4, 5].map((i) => b.submit(i));
    for (let i = 0; i < 4; i++) await answer();
    expect(batches).toEqual([[1], [2, 3], [4, 5]]);
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40, 50]);
  });

  it("runs a failed batch again item by item, so only the item that cannot be done fails", async () => {
    const { run, batches, answer } = recordingRun((items) => items.includes(3));
    const b = new Batches(run);
    const results = [1, 2, 3, 4].map((i) => b.submit(i).catch((e: Error) => e.message));
    for (let i = 0; i < 6; i++) await answer();
    expect(batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
    expect(await Promise.all(results)).toEqual([10, 20, "failed 3", 40]);
    expect(b.statements).toBe(5);
  });

  it("refuses a run that answers a different number of results than it was given", async () => {
    const b = new Batches(async (items: readonly number[]) => items.slice(1));
    await expect(b.submit(1)).rejects.toThrow("a batch of 1 answered 0 results");
  });
});
