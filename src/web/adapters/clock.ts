/** Time as the web app sees it: a monotonic clock for timing, a wall clock for records. */
export interface Clock {
  /** Monotonic milliseconds (never jumps with the system time). */
  now(): number;
  /** Milliseconds since the Unix epoch, for dates people read and logs the server stores. */
  wallNow(): number;
  /** Calls `fn` after `ms` monotonic milliseconds; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
}
