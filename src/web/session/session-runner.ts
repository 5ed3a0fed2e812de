import { nextDueAt, updatePlayer, type PlayerEvent, type PlayerState } from "../../core/player.ts";
import type { Clock } from "../adapters/clock.ts";

export interface SessionRunner {
  readonly state: PlayerState;
  send(event: PlayerEvent): void;
  /** Catches up at once, e.g. when the page becomes visible again after being throttled. */
  wake(): void;
  stop(): void;
}

/**
 * Drives the player engine in real time. Instead of ticking every second it sleeps until the
 * engine's next due instant (a cue or a step boundary), so each boundary is handled as soon as
 * the browser wakes, and time always comes from the monotonic clock, never from counting ticks.
 */
export function runSession(initial: PlayerState, clock: Clock, onUpdate: (state: PlayerState) => void): SessionRunner {
  let state = initial;
  let cancel: (() => void) | null = null;
  let stopped = false;

  function schedule() {
    cancel?.();
    cancel = null;
    if (stopped) return;
    const due = nextDueAt(state);
    if (due === null) return;
    cancel = clock.after(due - clock.now(), () => {
      cancel = null;
      apply({ type: "tick" });
    });
  }

  function apply(event: PlayerEvent) {
    if (stopped) return;
    state = updatePlayer(state, event, clock.now());
    schedule();
    onUpdate(state);
  }

  schedule();
  return {
    get state() {
      return state;
    },
    send: apply,
    wake: () => apply({ type: "tick" }),
    stop() {
      stopped = true;
      cancel?.();
      cancel = null;
    },
  };
}
