import type { WakeLock } from "./wake-lock.ts";

/**
 * The Screen Wake Lock API. The browser drops the lock whenever the page is hidden, so it is
 * requested again each time the page becomes visible while still wanted.
 */
export function browserWakeLock(): WakeLock {
  const api = typeof navigator !== "undefined" ? navigator.wakeLock : undefined;
  let wanted = false;
  let sentinel: WakeLockSentinel | null = null;
  let requesting = false;

  async function acquire() {
    if (!api || !wanted || sentinel || requesting || document.visibilityState !== "visible") return;
    requesting = true;
    try {
      const lock = await api.request("screen");
      lock.addEventListener("release", () => {
        if (sentinel === lock) sentinel = null;
      });
      sentinel = lock;
      if (!wanted) void release();
    } catch (error) {
      // Refused (battery saver, no permission): the session still runs, the screen may dim.
      console.info("Screen wake lock refused:", error);
    } finally {
      requesting = false;
    }
  }

  async function release() {
    const lock = sentinel;
    sentinel = null;
    if (lock) await lock.release();
  }

  if (api) {
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") void acquire();
    });
  }

  return {
    available: Boolean(api),
    get held() {
      return sentinel !== null;
    },
    want(on) {
      wanted = on;
      if (on) void acquire();
      else void release();
    },
  };
}
