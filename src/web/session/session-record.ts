import { advanceProgress, initialProgress, type ProgressState } from "../../core/progress.ts";
import type { Program } from "../../core/program.ts";
import type { PlayerState } from "../../core/player.ts";
import type { SessionLog } from "../../core/session-log.ts";
import { summariseSession } from "../../core/session-summary.ts";

export interface SessionEnding {
  id: string;
  player: PlayerState;
  startedWall: number;
  endedWall: number;
  painBefore: number | null;
  painAfter: number | null;
}

/** The SessionLog of a finished or abandoned session, in the core schema's shape. */
export function sessionLogOf(e: SessionEnding): SessionLog {
  const summary = summariseSession(e.player);
  return {
    id: e.id,
    programId: e.player.timeline.programId,
    programVersion: e.player.timeline.programVersion,
    startedAt: new Date(e.startedWall).toISOString(),
    endedAt: new Date(Math.max(e.startedWall, e.endedWall)).toISOString(),
    completed: summary.completed,
    stepsDone: summary.stepsDone,
    stepsTotal: summary.stepsTotal,
    holds: summary.holds,
    holdsPlanned: summary.holdsPlanned,
    painBefore: e.painBefore,
    painAfter: e.painAfter,
    notes: "",
  };
}

/** The user's progress after this session: it moves on only for a completed, comfortable one. */
export function progressAfterSession(program: Program, before: ProgressState | undefined, log: SessionLog): ProgressState {
  return advanceProgress(program, before ?? initialProgress(program), {
    completed: log.completed,
    painBefore: log.painBefore,
    painAfter: log.painAfter,
  });
}
