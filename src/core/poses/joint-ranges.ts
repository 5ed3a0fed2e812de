import type { LimbAngles, Pose, View } from "./body.ts";

/** What a healthy adult's joints can comfortably do, in degrees, for the angles a pose is written in. */
export const jointRanges: Record<View, Record<keyof LimbAngles, readonly [number, number]>> = {
  side: {
    hip: [-20, 130],
    knee: [0, 160],
    ankle: [-50, 30],
    toes: [-45, 80],
    tilt: [-25, 35],
    shoulder: [-60, 180],
    elbow: [0, 150],
    wrist: [-80, 90],
  },
  front: {
    // Seen from the front, a thigh that is both bent up and turned out (a leg crossed) leans far out in the picture.
    hip: [-30, 90],
    knee: [0, 160],
    ankle: [-50, 30],
    toes: [-45, 80],
    tilt: [-25, 35],
    // An arm reaching forward and across the body shows as a shoulder turned in past the midline.
    shoulder: [-80, 180],
    elbow: [0, 150],
    wrist: [-80, 90],
  },
};

/** The trunk's angle is also the body's orientation in the picture: lying on the back is -90. */
export const trunkRange = [-90, 90] as const;
export const neckRange = [-50, 60] as const;

/** Every angle of a pose outside what a body can do, named like "working.knee 170 outside 0..160"; empty when all fit. */
export function anglesOutOfRange(pose: Pose): string[] {
  const out: string[] = [];
  const check = (name: string, value: number, [lo, hi]: readonly [number, number]) => {
    if (value < lo - 1e-9 || value > hi + 1e-9) out.push(`${name} ${value.toFixed(1)} outside ${lo}..${hi}`);
  };
  check("trunk", pose.trunk, trunkRange);
  check("neck", pose.neck, neckRange);
  for (const limb of ["working", "other"] as const)
    for (const [joint, range] of Object.entries(jointRanges[pose.view]) as [keyof LimbAngles, readonly [number, number]][])
      check(`${limb}.${joint}`, pose[limb][joint], range);
  return out;
}
