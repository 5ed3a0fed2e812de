import { describe, expect, it } from "vitest";
import { angleOf, forwardKinematics, type Pose, type Skeleton, type Vec } from "./body.ts";
import { anglesOutOfRange } from "./joint-ranges.ts";
import { pictureLibrary } from "./library.ts";
import { pictureIds, type Picture } from "./picture.ts";
import { strapLine, type Prop } from "./props.ts";

const fk = (p: Pose) => forwardKinematics(p);
const both = (p: Picture): [string, Skeleton][] => [
  ["start", fk(p.start)],
  ["end", fk(p.end)],
];
const near = (a: number, b: number, within: number) => Math.abs(a - b) <= within;

function distanceToSegment(p: Vec, a: Vec, b: Vec): number {
  const ab = { x: b.x - a.x, y: b.y - a.y };
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / (ab.x * ab.x + ab.y * ab.y)));
  return Math.hypot(p.x - (a.x + ab.x * t), p.y - (a.y + ab.y * t));
}

/** Do segments ab and cd cross? */
function crosses(a: Vec, b: Vec, c: Vec, d: Vec): boolean {
  const side = (p: Vec, q: Vec, r: Vec) => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  return side(a, b, c) !== side(a, b, d) && side(c, d, a) !== side(c, d, b);
}

describe("every picture", () => {
  it.each(pictureIds)("%s keeps every joint within what a body can do, at both ends of its movement", (id) => {
    const p = pictureLibrary[id];
    expect({ start: anglesOutOfRange(p.start), end: anglesOutOfRange(p.end) }).toEqual({ start: [], end: [] });
    if (p.inset) expect({ start: anglesOutOfRange(p.inset.start), end: anglesOutOfRange(p.inset.end) }).toEqual({ start: [], end: [] });
  });

  it.each(pictureIds)("%s has words that describe it", (id) => {
    expect(pictureLibrary[id].alt.length).toBeGreaterThan(40);
    expect(pictureLibrary[id].id).toBe(id);
  });
});

describe("kneeling shin stretch", () => {
  const p = pictureLibrary["kneeling-shin"];
  it.each(both(p))("at the %s, both knees and the tops of both feet are on the floor and the hips are above the heels", (_, s) => {
    for (const limb of ["working", "other"] as const) {
      expect(near(s.points[`${limb}.knee`].y, -4.8, 0.01)).toBe(true);
      expect(s.points[`${limb}.instep`].y).toBeGreaterThan(-2.5);
      expect(s.points[`${limb}.instep`].y).toBeLessThan(0);
      expect(near(s.points[`${limb}.toe`].y, 0, 1)).toBe(true);
      // Sitting back on the heels: the pelvis is over the heel, not in front of the knees.
      expect(near(s.points.pelvis.x, s.points[`${limb}.heel`].x, 6)).toBe(true);
      expect(s.points.pelvis.y).toBeLessThan(s.points[`${limb}.heel`].y);
    }
  });
  it("leans back onto hands placed on the floor behind the body at the end", () => {
    const s = fk(p.end);
    for (const limb of ["working", "other"] as const) {
      // The palm on the floor: fingertips on it, the wrist joint a hand's thickness above.
      expect(near(s.points[`${limb}.hand`].y, 0, 1.5)).toBe(true);
      expect(near(s.points[`${limb}.wrist`].y, -4, 1)).toBe(true);
      expect(s.points[`${limb}.wrist`].x).toBeLessThan(s.points.pelvis.x - 10);
    }
    expect(p.end.trunk).toBeLessThan(-15);
  });
});

describe("calf stretch at the wall", () => {
  const p = pictureLibrary["calf-at-wall"];
  const wall = (p.props.find((x) => x.kind === "wall") as Extract<Prop, { kind: "wall" }>).x;
  it.each(both(p))(
    "at the %s, both palms are on the wall near shoulder height, the front toes up on the wall and that heel on the floor",
    (_, s) => {
      for (const limb of ["working", "other"] as const) {
        expect(near(s.points[`${limb}.wrist`].x, wall - 2.4, 0.3)).toBe(true);
        expect(near(s.points[`${limb}.hand`].x, wall - 2.4, 1.5)).toBe(true);
        expect(near(s.points[`${limb}.wrist`].y, s.points[`${limb}.shoulder`].y, 4)).toBe(true);
      }
      expect(near(s.points["working.toe"].x, wall, 1.5)).toBe(true);
      expect(s.points["working.toe"].y).toBeLessThan(-8);
      expect(s.points["working.heel"].y).toBeCloseTo(0, 6);
      expect(near(s.points["other.heel"].y, 0, 3)).toBe(true);
    },
  );
  it("brings the chest toward the wall from start to end", () => {
    expect(fk(p.end).points.neck.x - fk(p.start).points.neck.x).toBeGreaterThan(4);
  });
});

describe("strap stretch", () => {
  for (const id of ["strap-eversion", "strap-inversion"] as const) {
    const p = pictureLibrary[id];
    const strap = p.props.find((x) => x.kind === "strap") as Extract<Prop, { kind: "strap" }>;
    it(`${id}: the strap's ends are at the hands and its loop at the working forefoot, seated on the floor`, () => {
      const s = fk(p.start);
      const line = strapLine(s, strap);
      expect(line[0]).toEqual(s.points["working.hand"]);
      expect(line[line.length - 1]).toEqual(s.points["other.hand"]);
      expect(Math.hypot(line[1]!.x - s.points["working.ball"].x, line[1]!.y - s.points["working.ball"].y)).toBeCloseTo(1.6, 6);
      // The loop is on the sole side (forward of the ball), the hands nearer the body than the foot.
      expect(line[1]!.x).toBeGreaterThan(s.points["working.ball"].x);
      expect(s.points["working.hand"].x).toBeLessThan(s.points["working.ball"].x - 10);
      // Seated: the pelvis just above the floor and both heels on it.
      expect(near(s.points.pelvis.y, -6, 0.01)).toBe(true);
      for (const limb of ["working", "other"] as const) expect(near(s.points[`${limb}.heel`].y, 0, 1.5)).toBe(true);
    });
  }
});

describe("toe stretch", () => {
  for (const id of ["toe-dorsiflexion", "toe-plantar-flexion"] as const) {
    it.each(both(pictureLibrary[id]))(`${id}: at the %s, the working shin crosses the other thigh`, (_, s) => {
      expect(crosses(s.points["working.knee"], s.points["working.ankle"], s.points["other.hip"], s.points["other.knee"])).toBe(true);
    });
  }
  it("draws the toes back toward the shin for dorsiflexion and presses them down for plantar flexion", () => {
    expect(pictureLibrary["toe-dorsiflexion"].end.working.toes).toBeGreaterThan(30);
    expect(pictureLibrary["toe-plantar-flexion"].end.working.toes).toBeLessThan(-20);
    expect(pictureLibrary["toe-dorsiflexion"].inset!.end.working.toes).toBe(45);
    expect(pictureLibrary["toe-plantar-flexion"].inset!.end.working.toes).toBe(-35);
  });
  it("has a hand on the toes: the same side's for dorsiflexion, the other hand for plantar flexion", () => {
    const up = fk(pictureLibrary["toe-dorsiflexion"].end);
    const down = fk(pictureLibrary["toe-plantar-flexion"].end);
    // Fingers under the toes: the hand at the forefoot, on its sole side.
    expect(distanceToSegment(up.points["working.hand"], up.points["working.ball"], up.points["working.toe"])).toBeLessThan(8);
    expect(up.points["working.hand"].x).toBeGreaterThan(up.points["working.ball"].x);
    expect(distanceToSegment(down.points["other.hand"], down.points["working.ball"], down.points["working.toe"])).toBeLessThan(5);
  });
});

/** The sole's facing, in degrees from straight down, positive toward the midline (which is at +x for the right foot drawn). */
function soleTurnTowardMidline(s: Skeleton): number {
  const inner = s.points["working.soleInner"];
  const outer = s.points["working.soleOuter"];
  return angleOf(outer, inner) - 90;
}

describe("foot close-ups", () => {
  it("inversion turns the sole 15 to 35 degrees toward the midline", () => {
    const p = pictureLibrary["foot-inversion"];
    expect(soleTurnTowardMidline(fk(p.start))).toBeCloseTo(0, 6);
    const turn = soleTurnTowardMidline(fk(p.end));
    expect(turn).toBeGreaterThanOrEqual(15);
    expect(turn).toBeLessThanOrEqual(35);
    const midline = p.props.find((x) => x.kind === "guide") as Extract<Prop, { kind: "guide" }>;
    expect(midline.from.x).toBeGreaterThan(fk(p.end).points["working.soleInner"].x);
  });
  it("eversion turns the sole 15 to 35 degrees away from the midline", () => {
    const turn = soleTurnTowardMidline(fk(pictureLibrary["foot-eversion"].end));
    expect(turn).toBeLessThanOrEqual(-15);
    expect(turn).toBeGreaterThanOrEqual(-35);
  });
  const neutralToe = fk(pictureLibrary["foot-dorsiflexion"].start).points["working.toe"].y;
  it("dorsiflexion lifts the toes above the neutral line, plantar flexion takes them below it", () => {
    expect(fk(pictureLibrary["foot-dorsiflexion"].end).points["working.toe"].y).toBeLessThan(neutralToe - 3);
    expect(fk(pictureLibrary["foot-plantar-flexion"].end).points["working.toe"].y).toBeGreaterThan(neutralToe + 3);
  });
});
