import { updatePlayer, type PlayerState } from "../../core/player.ts";

/**
 * A session in progress as it is kept on the device, so that a reload, a closed tab or a
 * phone that ran out of memory brings the user back to the step they were on.
 */
export interface ActiveSession {
  id: string;
  programId: string;
  /** Always stored paused: the monotonic clock it ran on does not survive a reload. */
  player: PlayerState;
  /** The monotonic instant at which `player` was frozen, on the clock of the page that froze it. */
  frozenAt: number;
  painBefore: number | null;
  /** Wall-clock ms when the first step began. */
  startedWall: number;
  stage: "playing" | "pain-after";
}

/** The player as it should be stored: a playing session is paused at `now`, without its cues. */
export function freezePlayer(state: PlayerState, now: number): PlayerState {
  const paused = state.status === "playing" ? updatePlayer(state, { type: "pause" }, now) : state;
  return { ...paused, cues: [] };
}

/**
 * Puts a stored player onto this page's monotonic clock. Instants from the old page are
 * shifted so that they keep their distance from the moment of freezing.
 */
export function thawPlayer(stored: PlayerState, frozenAt: number, now: number): PlayerState {
  const shift = now - frozenAt;
  const move = (t: number | null) => (t === null ? null : t + shift);
  return {
    ...stored,
    stepStartedAt: stored.stepStartedAt + shift,
    startedAt: move(stored.startedAt),
    finishedAt: move(stored.finishedAt),
    cues: [],
  };
}
