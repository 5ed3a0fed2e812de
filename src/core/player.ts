import { cueMarks, type Cue } from "./cues.ts";
import type { Step, Timeline } from "./timeline.ts";

export type PlayerStatus = "ready" | "playing" | "paused" | "finished";

/**
 * Everything the player knows. Time is never counted in ticks: the current step's start is
 * an instant on the caller's monotonic clock, and each step ends exactly `seconds` after it
 * began, so late or missing ticks cannot accumulate drift.
 */
export interface PlayerState {
  timeline: Timeline;
  status: PlayerStatus;
  index: number;
  /** Monotonic ms at which the current step began, shifted forward by any pause. */
  stepStartedAt: number;
  /** While paused, the ms already spent in the current step. */
  pausedElapsed: number;
  /** How far into the current step cues have been emitted, in ms; -1 before its first cue. */
  cueCursor: number;
  /** Milliseconds actually spent in each step; null for steps not reached. */
  spentMs: (number | null)[];
  skipped: boolean[];
  startedAt: number | null;
  finishedAt: number | null;
  /** True when the session ran to its last step rather than being stopped early. */
  completed: boolean;
  /** Cues emitted by the transition that produced this state, oldest first. */
  cues: Cue[];
}

export type PlayerEvent =
  | { type: "start" }
  | { type: "tick" }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "skip" }
  | { type: "back" }
  | { type: "restart" }
  | { type: "finish" };

/** Within this many ms of a step's start, "back" goes to the previous step instead of restarting this one. */
export const BACK_GRACE_MS = 2000;

export function createPlayer(timeline: Timeline): PlayerState {
  return {
    timeline,
    status: "ready",
    index: 0,
    stepStartedAt: 0,
    pausedElapsed: 0,
    cueCursor: -1,
    spentMs: timeline.steps.map(() => null),
    skipped: timeline.steps.map(() => false),
    startedAt: null,
    finishedAt: null,
    completed: false,
    cues: [],
  };
}

export function currentStep(state: PlayerState): Step {
  return state.timeline.steps[state.index]!;
}

/** Milliseconds spent so far in the current step. */
export function elapsedInStep(state: PlayerState, now: number): number {
  if (state.status === "paused") return state.pausedElapsed;
  if (state.status !== "playing") return 0;
  return Math.max(0, Math.min(now - state.stepStartedAt, currentStep(state).seconds * 1000));
}

/** Milliseconds left in the current step. */
export function remainingInStep(state: PlayerState, now: number): number {
  return currentStep(state).seconds * 1000 - elapsedInStep(state, now);
}

/** The monotonic instant of the next cue or step boundary, or null when nothing is scheduled. */
export function nextDueAt(state: PlayerState): number | null {
  if (state.status !== "playing") return null;
  const step = currentStep(state);
  const mark = cueMarks(step).find((m) => m.offsetMs > state.cueCursor);
  const end = state.stepStartedAt + step.seconds * 1000;
  return mark ? Math.min(state.stepStartedAt + mark.offsetMs, end) : end;
}

function emitDue(state: PlayerState, upTo: number, out: Cue[]): number {
  const step = currentStep(state);
  let cursor = state.cueCursor;
  for (const m of cueMarks(step)) {
    if (m.offsetMs > state.cueCursor && m.offsetMs <= upTo) {
      out.push({
        kind: m.kind,
        at: state.stepStartedAt + m.offsetMs,
        stepIndex: state.index,
        text: m.text,
        ...(m.count === undefined ? {} : { count: m.count }),
      });
      cursor = Math.max(cursor, m.offsetMs);
    }
  }
  return Math.max(cursor, upTo);
}

function setSpent(state: PlayerState, index: number, ms: number, skipped: boolean): Pick<PlayerState, "spentMs" | "skipped"> {
  const spentMs = state.spentMs.slice();
  const skippedFlags = state.skipped.slice();
  spentMs[index] = ms;
  skippedFlags[index] = skipped;
  return { spentMs, skipped: skippedFlags };
}

/** Enters step `index` at instant `at`, emitting its opening cues; finishing on the last step. */
function enter(state: PlayerState, index: number, at: number, out: Cue[]): PlayerState {
  const entered: PlayerState = { ...state, index, stepStartedAt: at, pausedElapsed: 0, cueCursor: -1 };
  const step = currentStep(entered);
  if (step.kind === "done") {
    emitDue(entered, 0, out);
    return { ...entered, ...setSpent(entered, index, 0, false), status: "finished", finishedAt: at, completed: true, cueCursor: 0 };
  }
  if (entered.status === "paused") return entered;
  return { ...entered, cueCursor: emitDue(entered, 0, out) };
}

/** Moves a playing session forward to `now`, crossing as many step boundaries as have passed. */
function catchUp(state: PlayerState, now: number, out: Cue[]): PlayerState {
  let s = state;
  while (s.status === "playing") {
    const step = currentStep(s);
    const durationMs = step.seconds * 1000;
    const elapsed = now - s.stepStartedAt;
    if (elapsed < durationMs) {
      return { ...s, cueCursor: emitDue(s, elapsed, out) };
    }
    emitDue(s, durationMs, out);
    const end = s.stepStartedAt + durationMs;
    s = enter({ ...s, ...setSpent(s, s.index, durationMs, false) }, s.index + 1, end, out);
  }
  return s;
}

/**
 * The player: one event at one monotonic instant gives the next state. Events that make no
 * sense in the current status (pausing a finished session, say) leave the state unchanged.
 */
export function updatePlayer(state: PlayerState, event: PlayerEvent, now: number): PlayerState {
  const cues: Cue[] = [];
  const done = (s: PlayerState): PlayerState => ({ ...s, cues });
  const live = state.status === "playing" ? catchUp({ ...state, cues: [] }, now, cues) : { ...state, cues: [] };

  switch (event.type) {
    case "start":
      if (state.status !== "ready") return done(live);
      return done(catchUp(enter({ ...live, status: "playing", startedAt: now }, 0, now, cues), now, cues));

    case "tick":
      return done(live);

    case "pause":
      if (live.status !== "playing") return done(live);
      cues.push({ kind: "paused", at: now, stepIndex: live.index, text: "Paused." });
      return done({ ...live, status: "paused", pausedElapsed: now - live.stepStartedAt });

    case "resume":
      if (live.status !== "paused") return done(live);
      cues.push({ kind: "resumed", at: now, stepIndex: live.index, text: `Resuming. ${currentStep(live).title}.` });
      return done(catchUp({ ...live, status: "playing", stepStartedAt: now - live.pausedElapsed }, now, cues));

    case "skip": {
      if (live.status !== "playing" && live.status !== "paused") return done(live);
      const spent = elapsedInStep(live, now);
      const marked = { ...live, ...setSpent(live, live.index, spent, true) };
      return done(enter(marked, live.index + 1, now, cues));
    }

    case "back": {
      if (live.status !== "playing" && live.status !== "paused") return done(live);
      const target = elapsedInStep(live, now) > BACK_GRACE_MS ? live.index : Math.max(0, live.index - 1);
      return done(enter(live, target, now, cues));
    }

    case "restart":
      if (live.status === "ready") return done(live);
      return updatePlayer(createPlayer(live.timeline), { type: "start" }, now);

    case "finish": {
      if (live.status !== "playing" && live.status !== "paused") return done(live);
      const spent = { ...live, ...setSpent(live, live.index, elapsedInStep(live, now), true) };
      cues.push({ kind: "stopped", at: now, stepIndex: live.index, text: "Session ended." });
      return done({ ...spent, status: "finished", finishedAt: now, completed: false });
    }
  }
}
