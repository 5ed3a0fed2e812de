import { add, direction, type PointName, type Skeleton, type Vec } from "./body.ts";

/**
 * Things a picture shows besides the body, as plain data. Fixed props (floor, wall, chair, blanket, the
 * guide lines of a foot close-up) have coordinates; a strap is tied to points of the body and follows it.
 */
export type Prop =
  | { kind: "floor"; y: number }
  /** A wall whose face is at x, from the top of the picture down to the floor at `floor`. */
  | { kind: "wall"; x: number; floor: number }
  /** A chair seen from the side or the front: the top of the seat at `seatY`, spanning x to x + width. */
  | { kind: "chair"; x: number; width: number; seatY: number; floor: number; back: "left" | "right" | "none" }
  /** A folded blanket or mat lying on the floor. */
  | { kind: "blanket"; x: number; width: number; floor: number; thickness: number }
  /** A strap or towel from one end to the other, passing under (on the sole side of) the points between. */
  | { kind: "strap"; ends: [PointName | Vec, PointName | Vec]; under: PointName[] }
  /** A dashed guide line: the body's midline, or where a foot rests at neutral, in a close-up. */
  | { kind: "guide"; from: Vec; to: Vec };

export type StrapProp = Extract<Prop, { kind: "strap" }>;

/** How far a strap sits from the skin on the sole side: its own half-thickness and a little give. */
const strapGap = 1.6;

/** The sole side of a foot at one of its points, as a unit vector. */
function soleSide(s: Skeleton, point: PointName): Vec {
  const [limb, part] = point.split(".") as [string, string];
  if (part === "soleInner" || part === "soleOuter") {
    const a = s.points[`${limb}.soleInner` as PointName];
    const b = s.points[`${limb}.soleOuter` as PointName];
    const along = { x: b.x - a.x, y: b.y - a.y };
    const len = Math.hypot(along.x, along.y);
    // The sole faces away from the ankle: choose the normal that points away from it.
    const n = { x: -along.y / len, y: along.x / len };
    const ankle = s.points[`${limb}.ankle` as PointName];
    const fromAnkle = { x: a.x - ankle.x, y: a.y - ankle.y };
    return n.x * fromAnkle.x + n.y * fromAnkle.y >= 0 ? n : { x: -n.x, y: -n.y };
  }
  const foot = s.directions[`${limb}.foot`]!;
  const bend = s.view === "front" ? (limb === "working" ? 1 : -1) : 1;
  return direction(foot - bend * 90);
}

/** The line a strap follows: from its first end, under each foot point in turn, to its other end. */
export function strapLine(s: Skeleton, strap: StrapProp): Vec[] {
  const at = (p: PointName | Vec) => (typeof p === "string" ? s.points[p] : p);
  return [at(strap.ends[0]), ...strap.under.map((p) => add(s.points[p], soleSide(s, p), strapGap)), at(strap.ends[1])];
}
