import type { LimbAngles, Pose, View } from "./body.ts";

/** Standing upright with the arms down: every joint at its anatomical zero. */
export const neutralLimb: LimbAngles = { hip: 0, knee: 0, ankle: 0, toes: 0, tilt: 0, shoulder: 0, elbow: 0, wrist: 0 };

/** A limb from the neutral one with some joints set. */
export const limb = (angles: Partial<LimbAngles>): LimbAngles => ({ ...neutralLimb, ...angles });

/** A pose from a view, trunk and limb angles, with its pelvis at `at` until an anchor says otherwise. */
export function pose(view: View, p: Partial<Omit<Pose, "view">> = {}): Pose {
  return {
    view,
    trunk: p.trunk ?? 0,
    neck: p.neck ?? 0,
    working: p.working ?? neutralLimb,
    other: p.other ?? neutralLimb,
    anchor: p.anchor ?? { point: "pelvis", at: { x: 0, y: 0 } },
    ...(p.foreshorten ? { foreshorten: p.foreshorten } : {}),
    ...(p.feet ? { feet: p.feet } : {}),
  };
}

/** The same pose with one limb's joints changed. */
export const withLimb = (p: Pose, which: "working" | "other", angles: Partial<LimbAngles>): Pose => ({
  ...p,
  [which]: { ...p[which], ...angles },
});
