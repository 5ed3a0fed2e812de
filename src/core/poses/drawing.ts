import {
  add,
  direction,
  distance,
  forwardKinematics,
  type Limb,
  type LimbPoint as LimbPointName,
  type Skeleton,
  type Vec,
} from "./body.ts";
import { poseBetween } from "./movement.ts";
import type { Frame, Part, Scene } from "./picture.ts";
import { strapLine } from "./props.ts";

/**
 * Turns a scene at one moment into shapes to draw: filled, rounded body parts grouped so each group
 * gets one outline, the props, and the arrow. Pure geometry; the web shell turns it into SVG.
 */

export type Shape = { shape: "circle"; c: Vec; r: number; highlight: boolean } | { shape: "polygon"; points: Vec[]; highlight: boolean };

/** Body parts drawn together under one outline; "far" groups sit behind and are drawn a shade softer. */
export interface BodyGroup {
  depth: "far" | "near";
  shapes: Shape[];
}

export type PropShape =
  | { shape: "line"; points: Vec[]; role: "floor" | "guide" | "strap" }
  | { shape: "rect"; x: number; y: number; width: number; height: number; role: "wall" | "furniture" | "blanket" };

export interface Drawing {
  frame: Frame;
  /** Line widths scale with this (1 for a whole body, less for a close-up), so every picture has the same weight of line. */
  unit: number;
  behind: PropShape[];
  groups: BodyGroup[];
  /** Drawn over the body: the strap. */
  over: PropShape[];
  /** The arrow's path and its head (a closed triangle), or null. */
  arrow: { path: Vec[]; head: Vec[] } | null;
}

const radius = {
  thigh: [5.4, 3.9],
  shin: [3.7, 2.4],
  upperArm: [2.8, 2.2],
  forearm: [2.2, 1.7],
  hand: [1.8, 1.5],
  neck: [2.3, 2.3],
} as const;

/** A segment as a rounded capsule: a circle at each end and the band between them. */
function capsule(a: Vec, b: Vec, ra: number, rb: number, highlight: boolean): Shape[] {
  const len = distance(a, b) || 1e-6;
  const n = { x: -(b.y - a.y) / len, y: (b.x - a.x) / len };
  return [
    { shape: "circle", c: a, r: ra, highlight },
    { shape: "circle", c: b, r: rb, highlight },
    { shape: "polygon", points: [add(a, n, ra), add(b, n, rb), add(b, n, -rb), add(a, n, -ra)], highlight },
  ];
}

/** The frame of a foot seen end-on: along the sole (inner minus outer, per unit) and up from it toward the ankle. */
function endOnAxes(s: Skeleton, limb: Limb) {
  const ankle = s.points[`${limb}.ankle`];
  const inner = s.points[`${limb}.soleInner`];
  const outer = s.points[`${limb}.soleOuter`];
  const along = { x: (inner.x - outer.x) / 8, y: (inner.y - outer.y) / 8 };
  const up = { x: along.y, y: -along.x };
  const u = (ankle.x - inner.x) * up.x + (ankle.y - inner.y) * up.y > 0 ? up : { x: -up.x, y: -up.y };
  return { ankle, inner, outer, along, u };
}

/** A foot seen end-on: the ankle narrowing above, the forefoot wider at the sole, the big-toe side the taller. */
function endOnFoot(s: Skeleton, limb: Limb, highlight: boolean): Shape[] {
  const { ankle, inner, outer, along, u } = endOnAxes(s, limb);
  const points = [
    add(ankle, along, 2.7),
    add(add(inner, u, 5.2), along, 0.5),
    add(inner, along, 0.6),
    inner,
    outer,
    add(outer, along, -0.6),
    add(outer, u, 3.2),
    add(ankle, along, -2.7),
  ];
  return [{ shape: "polygon", points, highlight }];
}

/** The toes of a foot seen end-on: five rounded tips along the front of the sole, each outlined. */
function endOnToes(s: Skeleton, limb: Limb, highlight: boolean): Shape[] {
  const { inner, along, u } = endOnAxes(s, limb);
  const toes = [
    [-1.1, 1.35],
    [-3.0, 1.0],
    [-4.6, 0.9],
    [-6.0, 0.85],
    [-7.2, 0.75],
  ] as const;
  return toes.map(([x, r]): Shape => ({ shape: "circle", c: add(add(inner, along, x), u, r + 0.15), r, highlight }));
}

/** A foot in profile: heel, sole to the ball, the toes, and the instep back up to the ankle. */
function profileFoot(s: Skeleton, limb: Limb, highlight: boolean): Shape[] {
  const p = (name: LimbPointName) => s.points[`${limb}.${name}`];
  const footDir = s.directions[`${limb}.foot`]!;
  const along = direction(footDir);
  const ankle = p("ankle");
  const ball = p("ball");
  const toe = p("toe");
  const heel = p("heel");
  const bend = s.view === "front" && limb === "other" ? -1 : 1;
  const sole = direction(footDir - bend * 90);
  const lift = (v: Vec, k: number) => add(v, sole, -k);
  const toeTop = lift(add(toe, direction(s.directions[`${limb}.toes`]!), -0.3), 1.3);
  const points = [
    add(ankle, along, -2.6),
    add(heel, along, -0.6),
    heel,
    ball,
    toe,
    toeTop,
    lift(ball, 2.3),
    p("instep"),
    add(ankle, along, 2),
  ];
  return [{ shape: "polygon", points, highlight }];
}

/** Draws a scene `t` (0..1) of the way through its movement. */
export function drawScene(scene: Scene, t: number): Drawing {
  const pose = poseBetween(scene.start, scene.end, t);
  const s = forwardKinematics(pose);
  const shown = (part: Part) => !scene.parts || scene.parts.includes(part);
  const lit = (part: Part) => scene.highlight.includes(part);
  const pt = s.points;

  const leg = (limb: Limb): Shape[] => [
    ...(shown(`${limb}.thigh`) ? capsule(pt[`${limb}.hip`], pt[`${limb}.knee`], ...radius.thigh, lit(`${limb}.thigh`)) : []),
    ...(shown(`${limb}.shin`) ? capsule(pt[`${limb}.knee`], pt[`${limb}.ankle`], ...radius.shin, lit(`${limb}.shin`)) : []),
    ...(shown(`${limb}.foot`) ? (s.feet[limb] === "end-on" ? endOnFoot : profileFoot)(s, limb, lit(`${limb}.foot`)) : []),
  ];
  const toes = (limb: Limb): Shape[] => (shown(`${limb}.foot`) && s.feet[limb] === "end-on" ? endOnToes(s, limb, lit(`${limb}.foot`)) : []);
  const arm = (limb: Limb): Shape[] =>
    shown(`${limb}.upperArm`)
      ? [
          ...capsule(pt[`${limb}.shoulder`], pt[`${limb}.elbow`], ...radius.upperArm, lit(`${limb}.upperArm`)),
          ...capsule(pt[`${limb}.elbow`], pt[`${limb}.wrist`], ...radius.forearm, lit(`${limb}.forearm`)),
          ...capsule(pt[`${limb}.wrist`], pt[`${limb}.hand`], ...radius.hand, lit(`${limb}.hand`)),
        ]
      : [];
  const trunk = (): Shape[] => {
    if (!shown("trunk")) return [];
    const body: Shape[] =
      s.view === "side"
        ? capsule(pt.pelvis, add(pt.neck, direction(s.directions.trunk! + 180), 2.5), 6.6, 5.8, lit("trunk"))
        : [
            {
              shape: "polygon",
              points: [
                add(pt["working.shoulder"], { x: -1.5, y: -1 }, 1),
                add(pt["other.shoulder"], { x: 1.5, y: -1 }, 1),
                add(pt["other.hip"], { x: 3.5, y: 1 }, 1),
                add(pt["working.hip"], { x: -3.5, y: 1 }, 1),
              ],
              highlight: lit("trunk"),
            },
            { shape: "circle", c: pt["working.shoulder"], r: 2.8, highlight: lit("trunk") },
            { shape: "circle", c: pt["other.shoulder"], r: 2.8, highlight: lit("trunk") },
          ];
    return [...body, ...capsule(pt.neck, pt.head, ...radius.neck, false), { shape: "circle", c: pt.head, r: 6.2, highlight: lit("head") }];
  };

  const groups: BodyGroup[] =
    s.view === "side"
      ? [
          { depth: "far", shapes: arm("other") },
          { depth: "far", shapes: leg("other") },
          { depth: "far", shapes: toes("other") },
          { depth: "near", shapes: trunk() },
          { depth: "near", shapes: leg("working") },
          { depth: "near", shapes: toes("working") },
          { depth: "near", shapes: arm("working") },
        ]
      : [
          { depth: "near", shapes: trunk() },
          { depth: "near", shapes: leg("other") },
          { depth: "near", shapes: toes("other") },
          { depth: "near", shapes: leg("working") },
          { depth: "near", shapes: toes("working") },
          { depth: "near", shapes: arm("other") },
          { depth: "near", shapes: arm("working") },
        ];

  const behind: PropShape[] = [];
  const over: PropShape[] = [];
  const f = scene.frame;
  for (const prop of scene.props) {
    if (prop.kind === "floor")
      behind.push({
        shape: "line",
        role: "floor",
        points: [
          { x: f.x, y: prop.y },
          { x: f.x + f.width, y: prop.y },
        ],
      });
    else if (prop.kind === "guide") behind.push({ shape: "line", role: "guide", points: [prop.from, prop.to] });
    else if (prop.kind === "wall")
      behind.push({ shape: "rect", role: "wall", x: prop.x, y: f.y - 1, width: f.x + f.width - prop.x + 1, height: prop.floor - f.y + 1 });
    else if (prop.kind === "blanket")
      behind.push({ shape: "rect", role: "blanket", x: prop.x, y: prop.floor - prop.thickness, width: prop.width, height: prop.thickness });
    else if (prop.kind === "chair") {
      const leg = 2.2;
      behind.push(
        { shape: "rect", role: "furniture", x: prop.x, y: prop.seatY, width: prop.width, height: 3 },
        { shape: "rect", role: "furniture", x: prop.x + 1, y: prop.seatY, width: leg, height: prop.floor - prop.seatY },
        { shape: "rect", role: "furniture", x: prop.x + prop.width - 1 - leg, y: prop.seatY, width: leg, height: prop.floor - prop.seatY },
      );
      if (prop.back !== "none")
        behind.push({
          shape: "rect",
          role: "furniture",
          x: prop.back === "left" ? prop.x : prop.x + prop.width - leg,
          y: prop.seatY - 26,
          width: leg,
          height: 26,
        });
    } else if (prop.kind === "strap") over.push({ shape: "line", role: "strap", points: strapLine(s, prop) });
  }

  return {
    frame: f,
    unit: f.width / 86,
    behind,
    groups: groups.filter((g) => g.shapes.length > 0),
    over,
    arrow: scene.arrow ? arrowOf(scene) : null,
  };
}

/** The arrow follows its point from the start pose to the end pose, set off to one side. */
function arrowOf(scene: Scene): Drawing["arrow"] {
  const a = scene.arrow!;
  const path: Vec[] = [];
  const k = a.scale ?? 1;
  for (let i = 0; i <= 16; i++) {
    const pose = poseBetween(scene.start, scene.end, i / 16);
    const p = forwardKinematics(pose).points[a.point];
    const c = pose.anchor.at;
    path.push(add({ x: c.x + (p.x - c.x) * k, y: c.y + (p.y - c.y) * k }, a.offset));
  }
  let length = 0;
  for (let i = 1; i < path.length; i++) length += distance(path[i - 1]!, path[i]!);
  if (length < 2.5) return null;
  // Trim the shaft where the head begins, and point the head along the last stretch of the path.
  const tip = path[path.length - 1]!;
  const back = path[path.length - 3]!;
  const len = distance(tip, back) || 1;
  const u = { x: (tip.x - back.x) / len, y: (tip.y - back.y) / len };
  const n = { x: -u.y, y: u.x };
  // The head is sized to the picture, so a close-up's arrow keeps its shaft.
  const h = Math.min(3.2, scene.frame.width * 0.07);
  const base = add(tip, u, -h);
  return { path: [...path.slice(0, -2), base], head: [add(tip, u, h * 0.2), add(base, n, h * 0.65), add(base, n, -h * 0.65)] };
}
