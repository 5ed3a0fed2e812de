/**
 * When a session left the back worse, in one place (no zod here, so the browser player can use it).
 * The coach's dashboard flags pain after at HIGH_PAIN or more (adherence.ts); the client's end screen
 * says so plainly, and progression does not lengthen holds after such a session (progress.ts).
 */

/** Pain after a session at or above this is high: the coach's pain-high flag. */
export const HIGH_PAIN = 7;

/** Pain after this many points above pain before is a rise to act on; a 1-point change is day-to-day noise. */
export const PAIN_RISE_TO_HEED = 2;

/** True when pain after is HIGH_PAIN or more, or at least PAIN_RISE_TO_HEED points above pain before. */
export function painCallsForCare(s: { painBefore: number | null; painAfter: number | null }): boolean {
  if (s.painAfter === null) return false;
  return s.painAfter >= HIGH_PAIN || (s.painBefore !== null && s.painAfter >= s.painBefore + PAIN_RISE_TO_HEED);
}
