import type { Clock } from "./clock.ts";

/** The browser's clocks: performance.now() for timing, Date.now() for records. */
export const browserClock: Clock = {
  now: () => performance.now(),
  wallNow: () => Date.now(),
  after(ms, fn) {
    const id = window.setTimeout(fn, Math.max(0, ms));
    return () => window.clearTimeout(id);
  },
};
