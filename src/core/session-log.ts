import { z } from "zod";
import { Timestamp, VersionNumber } from "./bounds.ts";
import { Side } from "./program.ts";

export const PainScore = z.number().int().min(0).max(10);

export const HoldRecord = z.object({
  exerciseId: z.string().min(1).max(80),
  phaseId: z.string().min(1).max(80),
  side: Side.nullable(),
  rep: z.number().int().min(1).max(50),
  plannedSeconds: z.number().int().min(0).max(3600),
  /** Seconds actually held, to a tenth of a second. */
  heldSeconds: z.number().min(0).max(3600),
  skipped: z.boolean(),
});
export type HoldRecord = z.infer<typeof HoldRecord>;

/**
 * One session as the user did it. `id` is made on the device that ran the session, so the
 * same log sent twice (a retried sync, a replay) is stored once.
 */
export const SessionLog = z
  .object({
    id: z.string().uuid(),
    programId: z.string().min(1).max(80),
    programVersion: VersionNumber,
    startedAt: Timestamp,
    endedAt: Timestamp,
    completed: z.boolean(),
    stepsDone: z.number().int().min(0).max(2000),
    stepsTotal: z.number().int().min(1).max(2000),
    holds: z.array(HoldRecord).max(1000),
    /** How many holds the session planned, reached or not (devices before this did not say). */
    holdsPlanned: z.number().int().min(0).max(1000).optional(),
    painBefore: PainScore.nullable(),
    painAfter: PainScore.nullable(),
    notes: z.string().max(2000).default(""),
  })
  .refine((l) => Date.parse(l.endedAt) >= Date.parse(l.startedAt), { message: "endedAt must not be before startedAt", path: ["endedAt"] })
  .refine((l) => l.stepsDone <= l.stepsTotal, { message: "stepsDone must not exceed stepsTotal", path: ["stepsDone"] })
  .refine((l) => l.holdsPlanned === undefined || l.holds.length <= l.holdsPlanned, {
    message: "holdsPlanned must not be fewer than the holds recorded",
    path: ["holdsPlanned"],
  });
export type SessionLog = z.infer<typeof SessionLog>;

// The summary lives in its own zod-free module so the browser player can use it without
// shipping the schemas; it is re-exported here for existing callers.
export { summariseSession, type SessionSummary } from "./session-summary.ts";

/**
 * Holds done (not skipped) of holds planned. A completed session recorded every planned hold, so
 * its total is known even from devices that did not send `holdsPlanned`; a session stopped early on
 * such a device has an unknown total (null). The dashboard's SQL (src/server/store/dashboard.ts)
 * counts the same way, and test/server/dashboard-glance.test.ts holds both to it.
 */
export function holdsDoneOf(log: { holds: { skipped: boolean }[]; completed: boolean; holdsPlanned?: number | undefined }): {
  done: number;
  planned: number | null;
} {
  return { done: log.holds.filter((h) => !h.skipped).length, planned: log.holdsPlanned ?? (log.completed ? log.holds.length : null) };
}
