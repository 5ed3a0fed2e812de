import { add, angleOf, distance, direction, forwardKinematics, proportions, wrap, type Limb, type Pose, type Vec } from "./body.ts";

/**
 * Authoring aids for the picture library: they work out joint angles that put a hand or foot where a
 * picture needs it (a palm on the wall, a heel on the floor), so a pose is written by where the body
 * touches things. The result is still a plain pose; the tests check it with forward kinematics.
 */

const outOf = (pose: Pose, limb: Limb) => (pose.view === "front" ? (limb === "working" ? -1 : 1) : 1);
const bendOf = (pose: Pose, limb: Limb) => (pose.view === "front" ? -outOf(pose, limb) : 1);

/** Two segments from `root` of lengths a and b, ending at `target`: the two directions, for both ways of bending. */
function twoLink(root: Vec, target: Vec, a: number, b: number): [number, number][] {
  const d = Math.min(distance(root, target), a + b - 1e-6);
  const toTarget = angleOf(root, target);
  const alpha = (Math.acos(Math.max(-1, Math.min(1, (a * a + d * d - b * b) / (2 * a * d)))) * 180) / Math.PI;
  return [1, -1].map((sign) => {
    const first = toTarget + sign * alpha;
    const joint = add(root, direction(first), a);
    return [first, angleOf(joint, target)] as [number, number];
  });
}

/** The pose with one arm bent so its wrist is at `target`: the elbow bending the way an elbow bends, and hanging low (or raised, if asked) when either way would do. */
export function armReaching(pose: Pose, limb: Limb, target: Vec, wrist = pose[limb].wrist, elbow: "low" | "high" = "low"): Pose {
  const s = forwardKinematics(pose);
  const down = s.directions.trunk! - 180;
  const out = outOf(pose, limb);
  const bend = bendOf(pose, limb);
  const k = (seg: "upperArm" | "forearm") => pose.foreshorten?.[`${limb}.${seg}`] ?? 1;
  const shoulderAt = s.points[`${limb}.shoulder`];
  const upperLength = proportions.upperArm * k("upperArm");
  const options = twoLink(shoulderAt, target, upperLength, proportions.forearm * k("forearm")).map(([upper, fore]) => ({
    shoulder: wrap((upper - down) * out),
    elbow: wrap((fore - upper) * bend),
    elbowY: add(shoulderAt, direction(upper), upperLength).y,
  }));
  const bendable = options
    .filter((o) => o.elbow >= 0 && o.elbow <= 150)
    .sort((a, b) => (elbow === "low" ? b.elbowY - a.elbowY : a.elbowY - b.elbowY));
  const best = bendable[0] ?? options[0]!;
  return { ...pose, [limb]: { ...pose[limb], shoulder: best.shoulder, elbow: best.elbow, wrist } };
}

/** The pose with one leg bent so its ankle is at `target` (the knee bending the way a knee bends). */
export function legReaching(pose: Pose, limb: Limb, target: Vec): Pose {
  const s = forwardKinematics(pose);
  const down = s.directions.trunk! - 180;
  const out = outOf(pose, limb);
  const k = (seg: "thigh" | "shin") => pose.foreshorten?.[`${limb}.${seg}`] ?? 1;
  const options = twoLink(s.points[`${limb}.hip`], target, proportions.thigh * k("thigh"), proportions.shin * k("shin")).map(
    ([thigh, shin]) => ({ hip: wrap((thigh - down) * out), knee: wrap((thigh - shin) * out) }),
  );
  const best = options.find((o) => o.knee >= 0) ?? options[0]!;
  return { ...pose, [limb]: { ...pose[limb], hip: best.hip, knee: best.knee } };
}

/** The pose with a foot turned so the foot points at `footDirection` in the picture (0 down, 90 forward, 180 up). */
export function footPointing(pose: Pose, limb: Limb, footDirection: number): Pose {
  const s = forwardKinematics(pose);
  const ankle = wrap((footDirection - s.directions[`${limb}.shin`]!) * bendOf(pose, limb) - 90);
  return { ...pose, [limb]: { ...pose[limb], ankle } };
}

/** The pose with a hand turned so it points at `handDirection` in the picture (0 down, 90 forward, 180 up). */
export function handPointing(pose: Pose, limb: Limb, handDirection: number): Pose {
  const s = forwardKinematics(pose);
  const wrist = wrap((handDirection - s.directions[`${limb}.forearm`]!) * bendOf(pose, limb));
  return { ...pose, [limb]: { ...pose[limb], wrist } };
}
