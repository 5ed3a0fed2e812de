import type { Clock } from "../../src/web/adapters/clock.ts";

/** A clock for unit tests: time moves only when `advance` is called, firing due timers in order. */
export function fakeClock(start = 0, wallStart = Date.UTC(2026, 10, 25, 8)): Clock & { advance(ms: number): void; pending(): number } {
  let now = start;
  let seq = 0;
  let timers: { id: number; due: number; fn: () => void }[] = [];
  return {
    now: () => now,
    wallNow: () => wallStart + (now - start),
    after(ms, fn) {
      const id = ++seq;
      timers.push({ id, due: now + Math.max(0, ms), fn });
      return () => {
        timers = timers.filter((t) => t.id !== id);
      };
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.due - b.due || a.id - b.id);
        const next = timers[0];
        if (!next || next.due > end) break;
        timers.shift();
        now = next.due;
        next.fn();
      }
      now = end;
    },
    pending: () => timers.length,
  };
}
