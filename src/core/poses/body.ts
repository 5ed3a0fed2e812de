/**
 * A small body model for pictures: segments with proportions, joint angles, and forward kinematics that
 * turns a pose into the position of every joint. Plain data in, plain data out; no drawing here.
 *
 * Units: a standing adult is 100 units tall. Picture coordinates have y pointing down, as on a screen.
 * A side view faces +x (the right of the picture), with the working limbs nearest the viewer; a front view
 * faces the viewer, with the working limbs on the viewer's left (the person's right). Pictures of the other
 * side are mirrored when drawn.
 */

export interface Vec {
  x: number;
  y: number;
}

/** Segment lengths in units of a 100-unit standing height, after common anthropometric tables. */
export const proportions = {
  headRadius: 6.2,
  neck: 4.5,
  trunk: 29,
  upperArm: 18.6,
  forearm: 14.6,
  hand: 7.5,
  thigh: 24.5,
  shin: 24.6,
  /** From the ankle joint forward to the ball of the foot, along the sole. */
  foot: 11,
  /** From the ankle joint back to the heel, along the sole. */
  heel: 3.5,
  /** Height of the ankle joint above the sole. */
  ankleHeight: 4,
  toes: 4.5,
  /** Half the distance between the hip joints, and between the shoulders, in a front view. */
  hipHalfWidth: 6.5,
  shoulderHalfWidth: 9.5,
} as const;

export type Limb = "working" | "other";
export const limbs: readonly Limb[] = ["working", "other"];

/**
 * Joint angles of one side, in degrees, from the anatomical zero of standing upright with the arms down.
 * In a side view: hip and shoulder flexion (forward positive), knee and elbow flexion, ankle dorsiflexion
 * (toes toward the shin positive, plantar flexion negative), toe extension (up positive), wrist extension.
 * In a front view, hip and shoulder are abduction (outward positive) and the other joints bend in the picture.
 * `tilt` turns a foot seen end-on about its long axis: inversion (sole toward the midline) positive.
 */
export interface LimbAngles {
  hip: number;
  knee: number;
  ankle: number;
  toes: number;
  tilt: number;
  shoulder: number;
  elbow: number;
  wrist: number;
}

export type View = "side" | "front";

/** How a foot is drawn: in profile (heel, ball, toes) or end-on, as seen from in front of the toes. */
export type FootShape = "profile" | "end-on";

/** Segments that can point toward or away from the viewer and so look shorter than they are. */
export type Segment = "thigh" | "shin" | "upperArm" | "forearm" | "foot";

export interface Pose {
  view: View;
  /** Trunk lean from vertical: forward positive in a side view, toward the working side in a front view. */
  trunk: number;
  /** Head bowed forward (positive) or tipped back, relative to the trunk. */
  neck: number;
  working: LimbAngles;
  other: LimbAngles;
  /** One named point is placed here; the rest of the body follows from the angles. */
  anchor: { point: PointName; at: Vec };
  /** Projection factors (0..1) for segments that point out of the picture; 1 when absent. */
  foreshorten?: Partial<Record<`${Limb}.${Segment}`, number>>;
  /** Per limb, how its foot is drawn; profile in a side view and end-on in a front view when absent. */
  feet?: Partial<Record<Limb, FootShape>>;
}

export type LimbPoint =
  "hip" | "knee" | "ankle" | "heel" | "ball" | "toe" | "instep" | "soleInner" | "soleOuter" | "shoulder" | "elbow" | "wrist" | "hand";
export type PointName = "pelvis" | "neck" | "head" | `${Limb}.${LimbPoint}`;

/** Every joint's position, and the direction (degrees, 0 pointing down) of every segment. */
export interface Skeleton {
  view: View;
  points: Record<PointName, Vec>;
  /** Absolute direction of each segment, as `direction()` reads it. */
  directions: Record<string, number>;
  feet: Record<Limb, FootShape>;
}

const rad = (deg: number) => (deg * Math.PI) / 180;

/** A unit vector at `deg` degrees: 0 points down, 90 forward (+x), 180 up, -90 back. */
export function direction(deg: number): Vec {
  return { x: Math.sin(rad(deg)), y: Math.cos(rad(deg)) };
}

/** The angle `direction()` would need to point from `from` to `to`. */
export function angleOf(from: Vec, to: Vec): number {
  return (Math.atan2(to.x - from.x, to.y - from.y) * 180) / Math.PI;
}

export const add = (p: Vec, v: Vec, k = 1): Vec => ({ x: p.x + v.x * k, y: p.y + v.y * k });
export const distance = (a: Vec, b: Vec) => Math.hypot(a.x - b.x, a.y - b.y);

/** Normalises an angle to (-180, 180]. */
export function wrap(deg: number): number {
  const d = ((((deg + 180) % 360) + 360) % 360) - 180;
  return d === -180 ? 180 : d;
}

/** Forward kinematics: the position of every joint of a pose. */
export function forwardKinematics(pose: Pose): Skeleton {
  const P = proportions;
  const front = pose.view === "front";
  const points = {} as Record<PointName, Vec>;
  const directions: Record<string, number> = {};
  const scale = (limb: Limb, seg: Segment) => pose.foreshorten?.[`${limb}.${seg}`] ?? 1;
  const feet: Record<Limb, FootShape> = {
    working: pose.feet?.working ?? (front ? "end-on" : "profile"),
    other: pose.feet?.other ?? (front ? "end-on" : "profile"),
  };

  // The trunk rises from the pelvis; in a front view a lean tips it toward the working side (-x).
  const pelvis = { x: 0, y: 0 };
  const trunkDir = front ? 180 + pose.trunk : 180 - pose.trunk;
  const neck = add(pelvis, direction(trunkDir), P.trunk);
  const headDir = front ? trunkDir : trunkDir - pose.neck;
  points.pelvis = pelvis;
  points.neck = neck;
  points.head = add(neck, direction(headDir), P.neck + P.headRadius);
  directions.trunk = trunkDir;
  directions.head = headDir;
  const down = trunkDir - 180;

  for (const limb of limbs) {
    const a = pose[limb];
    // In a front view "outward" is -x for the working side and +x for the other; in a side view both limbs share the plane.
    const out = front ? (limb === "working" ? -1 : 1) : 1;
    const across = direction(down + 90);
    const hip = front ? add(pelvis, across, out * P.hipHalfWidth) : pelvis;
    const shoulder = front ? add(neck, across, out * P.shoulderHalfWidth) : neck;

    const thighDir = down + out * a.hip;
    const knee = add(hip, direction(thighDir), P.thigh * scale(limb, "thigh"));
    const shinDir = thighDir - out * a.knee;
    const ankle = add(knee, direction(shinDir), P.shin * scale(limb, "shin"));
    // Flexing joints (ankle, toes, elbow, wrist) bend toward the body's midline in a front view.
    const bend = front ? -out : 1;
    const footDir = shinDir + bend * (90 + a.ankle);
    const f = scale(limb, "foot");
    const sole = direction(footDir - bend * 90);
    const heel = add(add(ankle, direction(footDir), -P.heel * f), sole, P.ankleHeight);
    const ball = add(add(ankle, direction(footDir), P.foot * f), sole, P.ankleHeight);
    const toeDir = footDir + bend * a.toes;
    const toe = add(ball, direction(toeDir), P.toes * f);
    const instep = add(add(ankle, direction(footDir), P.foot * 0.45 * f), sole, -1.4);
    // Seen end-on, the sole is a line across the foot; tilt turns it about the long axis, inward toward the midline.
    const soleDir = down + 90 * out - out * a.tilt;
    const soleMid = add(ankle, direction(down - out * a.tilt), P.ankleHeight + 1.5);
    const soleInner = add(soleMid, direction(soleDir), -4);
    const soleOuter = add(soleMid, direction(soleDir), 4);

    const upperDir = down + out * a.shoulder;
    const elbow = add(shoulder, direction(upperDir), P.upperArm * scale(limb, "upperArm"));
    const foreDir = upperDir + bend * a.elbow;
    const wrist = add(elbow, direction(foreDir), P.forearm * scale(limb, "forearm"));
    const handDir = foreDir + bend * a.wrist;
    const hand = add(wrist, direction(handDir), P.hand);

    Object.assign(points, {
      [`${limb}.hip`]: hip,
      [`${limb}.knee`]: knee,
      [`${limb}.ankle`]: ankle,
      [`${limb}.heel`]: heel,
      [`${limb}.ball`]: ball,
      [`${limb}.toe`]: toe,
      [`${limb}.instep`]: instep,
      [`${limb}.soleInner`]: soleInner,
      [`${limb}.soleOuter`]: soleOuter,
      [`${limb}.shoulder`]: shoulder,
      [`${limb}.elbow`]: elbow,
      [`${limb}.wrist`]: wrist,
      [`${limb}.hand`]: hand,
    });
    Object.assign(directions, {
      [`${limb}.thigh`]: thighDir,
      [`${limb}.shin`]: shinDir,
      [`${limb}.foot`]: footDir,
      [`${limb}.toes`]: toeDir,
      [`${limb}.sole`]: soleDir,
      [`${limb}.upperArm`]: upperDir,
      [`${limb}.forearm`]: foreDir,
      [`${limb}.hand`]: handDir,
    });
  }

  // Place the anchor point where the pose says; everything moves with it.
  const at = points[pose.anchor.point];
  const dx = pose.anchor.at.x - at.x;
  const dy = pose.anchor.at.y - at.y;
  for (const name of Object.keys(points) as PointName[]) points[name] = { x: points[name].x + dx, y: points[name].y + dy };
  return { view: pose.view, points, directions, feet };
}
