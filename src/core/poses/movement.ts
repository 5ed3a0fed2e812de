import type { LimbAngles, Pose } from "./body.ts";

/**
 * A movement runs from a start pose to an end pose. Between them every joint angle (and the anchor)
 * moves in proportion, eased, so a picture can show any moment of it.
 */

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

function limbAt(a: LimbAngles, b: LimbAngles, t: number): LimbAngles {
  const out = { ...a };
  for (const k of Object.keys(a) as (keyof LimbAngles)[]) out[k] = lerp(a[k], b[k], t);
  return out;
}

/** The pose a fraction `t` (0..1) of the way from start to end; the end pose keeps the start's anchor point. */
export function poseBetween(start: Pose, end: Pose, t: number): Pose {
  const foreshorten: NonNullable<Pose["foreshorten"]> = {};
  for (const key of new Set([...Object.keys(start.foreshorten ?? {}), ...Object.keys(end.foreshorten ?? {})]) as Set<
    keyof typeof foreshorten
  >)
    foreshorten[key] = lerp(start.foreshorten?.[key] ?? 1, end.foreshorten?.[key] ?? 1, t);
  return {
    ...start,
    trunk: lerp(start.trunk, end.trunk, t),
    neck: lerp(start.neck, end.neck, t),
    working: limbAt(start.working, end.working, t),
    other: limbAt(start.other, end.other, t),
    anchor: {
      point: start.anchor.point,
      at: { x: lerp(start.anchor.at.x, end.anchor.at.x, t), y: lerp(start.anchor.at.y, end.anchor.at.y, t) },
    },
    ...(Object.keys(foreshorten).length ? { foreshorten } : {}),
  };
}

/** Gentle in and out: slow at both ends, like a person easing into a stretch. */
export const easeInOut = (t: number) => 0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, Math.max(0, t)));

/** Timing of one loop of a movement shown during a hold, in milliseconds. */
export const movementLoop = { move: 2200, holdEnd: 1800, back: 2200, holdStart: 800 } as const;
export const loopMs = movementLoop.move + movementLoop.holdEnd + movementLoop.back + movementLoop.holdStart;

/** How far (0..1) into the movement a picture is, `ms` after it started looping: into the end pose, stay, back, rest. */
export function loopProgress(ms: number): number {
  const m = movementLoop;
  const t = ((ms % loopMs) + loopMs) % loopMs;
  if (t < m.move) return easeInOut(t / m.move);
  if (t < m.move + m.holdEnd) return 1;
  if (t < m.move + m.holdEnd + m.back) return 1 - easeInOut((t - m.move - m.holdEnd) / m.back);
  return 0;
}
