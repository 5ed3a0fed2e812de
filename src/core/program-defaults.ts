/**
 * Defaults a program may leave unsaid. Kept apart from the schema in program.ts so the pages that only
 * compile timelines (home, player) ship no validation library.
 */

/** Seconds a breath takes when a program does not say: a slow, calm breath. */
export const DEFAULT_SECONDS_PER_BREATH = 6;
/** Seconds of rest between sets when an exercise does not say. */
export const DEFAULT_SET_REST_SECONDS = 30;
