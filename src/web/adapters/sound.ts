import type { ToneKind } from "../../core/soundtrack/tones.ts";

export type BeepKind = ToneKind;

/** A beep due at a monotonic instant; `key` stays the same however often it is planned. */
export interface Beep {
  key: string;
  kind: BeepKind;
  at: number;
}

/**
 * Sound cues on the audio hardware's own clock. `plan` is called with every beep that should
 * still sound; beeps already scheduled and still wanted are kept, the rest are cancelled.
 */
export interface Sound {
  /** Must be called from a user gesture once, so the browser lets audio start. */
  unlock(): void;
  plan(beeps: Beep[]): void;
  cancelAll(): void;
}
