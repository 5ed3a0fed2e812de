/** Where the server reads the time; tests pass a clock they can move. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Today's date in UTC, the default `today` of routes whose caller did not say: the server knows no
 * one's time zone, so the web always sends its own local day and this is only the fallback.
 */
export function utcToday(clock: Clock): string {
  return clock.now().toISOString().slice(0, 10);
}

/** A clock that stands still until moved, for tests of expiry and rate limits. */
export function manualClock(start: Date | string): Clock & { advance(ms: number): void; set(at: Date | string): void } {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    advance: (ms) => {
      at += ms;
    },
    set: (t) => {
      at = new Date(t).getTime();
    },
  };
}
