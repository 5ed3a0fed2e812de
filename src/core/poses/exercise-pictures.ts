import { forwardKinematics, type Pose } from "./body.ts";
import { pose, limb, withLimb } from "./pose-parts.ts";
import { armReaching, footPointing, handPointing, legReaching } from "./reach.ts";
import type { Picture } from "./picture.ts";
import { footFront, footSide, footSideFrame } from "./close-up-pictures.ts";

/**
 * The built-in program's exercises, one picture per phase. Poses are written for the right side
 * (the working limbs nearest the viewer); the left side is the same picture mirrored.
 */

const floor = 0;
const at = (p: Pose, point: Parameters<typeof forwardKinematics>[0]["anchor"]["point"]) => forwardKinematics(p).points[point];

// --- Strap stretch: long sitting on the floor, the strap from both hands around the working forefoot.
function strapSitting(ankle: number): Pose {
  let p = pose("side", {
    trunk: -4,
    neck: 18,
    working: limb({ ankle, toes: -15 }),
    other: limb({ ankle: -18 }),
    anchor: { point: "pelvis", at: { x: 0, y: -6 } },
  });
  p = legReaching(p, "working", { x: 48.6, y: -4.2 });
  p = legReaching(p, "other", { x: 48.9, y: -4 });
  p = footPointing(p, "working", 180 - ankle);
  p = armReaching(p, "working", { x: 28, y: -20 }, -20);
  p = armReaching(p, "other", { x: 26, y: -21.5 }, -20);
  return p;
}
const strapStart = strapSitting(5);
const strapScene = (
  insetEnd: Pose,
  insetStart: Pose,
): Pick<Picture, "frame" | "start" | "end" | "props" | "highlight" | "arrow" | "inset"> => ({
  frame: { x: -16, y: -66, width: 86, height: 70 },
  start: strapStart,
  end: strapStart,
  props: [
    { kind: "floor", y: floor },
    { kind: "strap", ends: ["working.hand", "other.hand"], under: ["working.ball"] },
  ],
  highlight: ["working.foot", "working.shin"],
  arrow: null,
  inset: {
    circle: { x: 52, y: -47, r: 16 },
    ...footFront.frameAndProps,
    start: insetStart,
    end: insetEnd,
    props: [
      ...footFront.frameAndProps.props,
      {
        kind: "strap",
        ends: [
          { x: -8, y: -27 },
          { x: 8, y: -27 },
        ],
        under: ["working.soleOuter", "working.soleInner"],
      },
    ],
    highlight: ["working.foot"],
    arrow: { point: "working.soleInner", offset: { x: 1, y: 1 }, scale: 1.7 },
  },
});

export const strapEversion: Picture = {
  id: "strap-eversion",
  title: "Strap stretch: sole outward",
  alt: "A person sitting on the floor with the legs out straight, holding a strap in both hands; the strap loops around the ball of the {side} foot. In the close-up, that foot turns its sole outward, away from the body's midline.",
  ...strapScene(footFront.pose(-22), footFront.pose(0)),
};

export const strapInversion: Picture = {
  id: "strap-inversion",
  title: "Strap stretch: sole inward",
  alt: "A person sitting on the floor with the legs out straight, holding a strap in both hands; the strap loops around the ball of the {side} foot. In the close-up, that foot turns its sole inward, toward the body's midline.",
  ...strapScene(footFront.pose(26), footFront.pose(0)),
};

// --- Toe stretch: sitting on a chair, seen from the front, the working lower leg across the other thigh.
const seatY = -29;
function toeSitting(toes: number, hands: "resting" | "under" | "over"): Pose {
  // The working thigh comes forward and falls out to the side, so from the front it looks short and leaning out;
  // the shin lies across the other thigh just behind its knee, and the foot stands up beyond it.
  let p = pose("front", {
    trunk: hands === "under" ? -12 : 0,
    working: limb({ hip: 61, knee: 156, toes }),
    other: limb({ hip: 4, knee: 4 }),
    anchor: { point: "pelvis", at: { x: 0, y: seatY - 5 } },
    // An arm reaching forward to the foot points partly toward the viewer.
    foreshorten: {
      "other.thigh": 0.16,
      "working.thigh": 0.26,
      "working.upperArm": 0.92,
      "other.upperArm": hands === "over" ? 0.45 : 0.92,
      "other.forearm": hands === "over" ? 0.85 : 1,
    },
    feet: { working: "profile", other: "end-on" },
  });
  p = footPointing(p, "working", 180);
  const toe = at(p, "working.toe");
  const ball = at(p, "working.ball");
  if (hands === "under") {
    p = armReaching(p, "working", { x: ball.x + 4, y: ball.y + 5.5 });
    p = handPointing(p, "working", 128);
  } else p = armReaching(p, "working", { x: -13, y: -38 }, 10);
  if (hands === "over") {
    p = armReaching(p, "other", { x: toe.x - 6.5, y: toe.y + 2.5 });
    p = handPointing(p, "other", 50);
  } else p = armReaching(p, "other", { x: 3, y: -38.5 }, 10);
  return p;
}
/** The close-up: the foot from the side with only the toes moving, up toward the shin or down. */
const toeInset = (toes: number): NonNullable<Picture["inset"]> => ({
  circle: { x: 46, y: -50, r: 19 },
  ...footSideFrame,
  frame: { x: -7, y: -28, width: 28, height: 28 },
  start: footSide(0, 0),
  end: footSide(0, toes),
  highlight: ["working.foot"],
  arrow: { point: "working.toe", offset: { x: 0.5, y: 0 }, scale: 1.25 },
});
const toeProps: Picture["props"] = [
  { kind: "floor", y: floor },
  { kind: "chair", x: -19, width: 38, seatY, floor, back: "none" },
];
export const toeDorsiflexion: Picture = {
  id: "toe-dorsiflexion",
  title: "Toe stretch: toes drawn back",
  alt: "A person sitting on a chair, seen from the front, with the lower part of the {side} leg resting across the other thigh. The hand on the same side has its fingers under the toes and draws them back toward the shin.",
  frame: { x: -32, y: -82, width: 98, height: 66 },
  start: toeSitting(0, "resting"),
  end: toeSitting(45, "under"),
  props: toeProps,
  highlight: ["working.foot"],
  arrow: null,
  inset: toeInset(45),
};
export const toePlantarFlexion: Picture = {
  id: "toe-plantar-flexion",
  title: "Toe stretch: toes pressed down",
  alt: "A person sitting on a chair, seen from the front, with the lower part of the {side} leg resting across the other thigh. The other hand rests over the tops of the toes and presses them gently down.",
  frame: toeDorsiflexion.frame,
  start: toeSitting(0, "resting"),
  end: toeSitting(-35, "over"),
  props: toeProps,
  highlight: ["working.foot"],
  arrow: null,
  inset: toeInset(-35),
};

// --- Calf stretch at the wall: toes of the front foot up on the wall, heel down, palms on the wall.
const wallX = 40;
const footIncline = 32;
function atWall(ankle: number, trunk: number): Pose {
  const shinDir = 90 + footIncline - 90 - ankle;
  const knee = 2;
  let p = pose("side", {
    trunk,
    neck: -5,
    working: limb({ ankle, toes: 90 - footIncline - 8, knee, hip: shinDir + knee + trunk }),
    anchor: { point: "working.heel", at: { x: wallX - 12.3, y: floor } },
  });
  const hip = at(p, "pelvis");
  p = legReaching(p, "other", { x: hip.x - 18, y: floor - 4.6 });
  // The back foot flat on the floor, or its heel lifted a little where the ankle can bend no further.
  p = footPointing(p, "other", 90);
  if (p.other.ankle > 28) p = withLimb(p, "other", { ankle: 28 });
  const shoulder = at(p, "working.shoulder");
  const wrist = (which: "working" | "other", dy: number) => {
    const reached = armReaching(p, which, { x: wallX - 2.4, y: shoulder.y + dy });
    const fore = forwardKinematics(reached).directions[`${which}.forearm`]!;
    return withLimb(reached, which, { wrist: Math.min(90, 180 - fore) });
  };
  p = wrist("working", 1);
  p = wrist("other", 2.5);
  return p;
}
export const calfAtWall: Picture = {
  id: "calf-at-wall",
  title: "Calf stretch at the wall",
  alt: "A person standing facing a wall with both palms on it at shoulder height. The toes of the {side} foot rest up against the wall with that heel on the floor; the chest leans slowly in toward the wall.",
  frame: { x: -30, y: -104, width: 76, height: 108 },
  start: atWall(8, 2),
  end: atWall(18, 7),
  props: [
    { kind: "floor", y: floor },
    { kind: "wall", x: wallX, floor },
  ],
  highlight: ["working.shin", "working.foot"],
  arrow: { point: "neck", offset: { x: 0, y: -9 } },
};

// --- Kneeling shin stretch: sitting back on the heels, tops of the feet on the floor, hands behind.
function kneeling(trunk: number, handsDown: boolean): Pose {
  const legs = { hip: 0, knee: 0, ankle: -50, toes: -5 };
  let p = pose("side", {
    trunk,
    neck: 8 - trunk * 0.3,
    working: limb(legs),
    other: limb(legs),
    anchor: { point: "working.knee", at: { x: 22, y: floor - 4.8 } },
  });
  // The shins lie along the floor behind the knees; the thighs come back up to the pelvis over the heels.
  const shinDir = -90 - 2.5;
  const thighFromKnee = 180 + 60 + trunk * 0.1;
  for (const which of ["working", "other"] as const) {
    const thighDir = thighFromKnee - 180;
    p = withLimb(p, which, { hip: thighDir + trunk, knee: thighDir - shinDir });
  }
  if (handsDown) {
    const toe = at(p, "working.toe");
    // Palms flat on the floor behind, fingers pointing back.
    p = handPointing(armReaching(p, "working", { x: toe.x + 3, y: floor - 4 }), "working", -60);
    p = handPointing(armReaching(p, "other", { x: toe.x + 4.5, y: floor - 4 }), "other", -60);
  } else {
    const knee = at(p, "working.knee");
    p = armReaching(p, "working", { x: knee.x - 7, y: knee.y - 6 }, 0);
    p = armReaching(p, "other", { x: knee.x - 9, y: knee.y - 6.5 }, 0);
  }
  return p;
}
export const kneelingShin: Picture = {
  id: "kneeling-shin",
  title: "Kneeling shin stretch",
  alt: "A person kneeling and sitting back on the heels, the tops of both feet flat on the floor. The hands go to the floor behind, and the body leans gently back onto them.",
  frame: { x: -32, y: -66, width: 66, height: 70 },
  start: kneeling(0, false),
  end: kneeling(-52, true),
  props: [{ kind: "floor", y: floor }],
  highlight: ["working.shin", "working.foot", "other.shin", "other.foot"],
  arrow: { point: "neck", offset: { x: 0, y: -9 } },
};
