import type { Migration, MigrationProvider } from "kysely";
import * as initial from "./0001-initial.ts";
import * as coaching from "./0002-coaching.ts";
import * as organisationDayIndex from "./0003-organisation-day-index.ts";
import * as passwordResets from "./0004-password-resets.ts";
import * as conversations from "./0005-conversations.ts";
import * as rateLimitAttempts from "./0006-rate-limit-attempts.ts";
import * as mail from "./0007-mail.ts";
import * as weeklySummaries from "./0007b-weekly-summaries.ts";
import * as voiceClips from "./0008-voice-clips.ts";
import * as practisedSessions from "./0012a-practised-sessions.ts";
import * as chosenPlan from "./0012b-chosen-plan.ts";
import * as practiceSummaries from "./0013-practice-summaries.ts";
import * as practiceDays from "./0014-practice-days.ts";
import * as summariesByLog from "./0014b-summaries-by-log.ts";
import * as summariesByBatch from "./0015-summaries-by-batch.ts";
import * as daysInPlace from "./0016-days-in-place.ts";

/**
 * Every schema change, in order. Names sort as versions; a released migration is never
 * edited, only followed by a new one.
 */
export const migrations: Record<string, Migration> = {
  "0001-initial": initial,
  "0002-coaching": coaching,
  "0003-organisation-day-index": organisationDayIndex,
  "0004-password-resets": passwordResets,
  "0005-conversations": conversations,
  "0006-rate-limit-attempts": rateLimitAttempts,
  "0007-mail": mail,
  "0007b-weekly-summaries": weeklySummaries,
  "0008-voice-clips": voiceClips,
  "0012a-practised-sessions": practisedSessions,
  "0012b-chosen-plan": chosenPlan,
  "0013-practice-summaries": practiceSummaries,
  "0014-practice-days": practiceDays,
  "0014b-summaries-by-log": summariesByLog,
  "0015-summaries-by-batch": summariesByBatch,
  "0016-days-in-place": daysInPlace,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
