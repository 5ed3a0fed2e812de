/** Keeps the screen on while wanted, so a phone on the floor does not lock mid-session. */
export interface WakeLock {
  readonly available: boolean;
  /** Say whether the screen should stay on; the adapter keeps it so across tab switches. */
  want(on: boolean): void;
  readonly held: boolean;
}
