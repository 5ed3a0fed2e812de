import { pose, limb } from "./pose-parts.ts";
import { armReaching, legReaching } from "./reach.ts";
import type { Picture } from "./picture.ts";
import type { Pose } from "./body.ts";
import { kneelingShin } from "./exercise-pictures.ts";

/**
 * Plain pictures of a position alone, for exercises no library picture clearly matches: they show how
 * to be placed, never a movement, so they cannot teach the wrong one.
 */

const still = (p: Pose) => ({ start: p, end: p, arrow: null, highlight: [] });

function seated(): Pose {
  let p = pose("side", { trunk: 0, neck: 5, anchor: { point: "pelvis", at: { x: 0, y: -6 } } });
  p = legReaching(p, "working", { x: 48.7, y: -4.2 });
  p = legReaching(p, "other", { x: 48.7, y: -4.2 });
  p = armReaching(p, "working", { x: 15, y: -13 }, 0);
  p = armReaching(p, "other", { x: 13, y: -13.5 }, 0);
  return p;
}

function lying(): Pose {
  // On the back, knees bent and feet flat: the trunk points back along the floor.
  let p = pose("side", {
    trunk: -90,
    neck: 0,
    working: limb({ ankle: 0 }),
    other: limb({ ankle: 0 }),
    anchor: { point: "pelvis", at: { x: 0, y: -7 } },
  });
  p = legReaching(p, "working", { x: 30, y: -5 });
  p = legReaching(p, "other", { x: 29, y: -5 });
  p = armReaching(p, "working", { x: 3, y: -4.5 }, 0);
  p = armReaching(p, "other", { x: 2, y: -4.5 }, 0);
  return p;
}

export const positionSeated: Picture = {
  id: "position-seated",
  title: "Sitting (position only)",
  alt: "A person sitting on the floor, back upright, legs out in front, hands resting on the thighs.",
  frame: { x: -16, y: -62, width: 86, height: 66 },
  props: [{ kind: "floor", y: 0 }],
  ...still(seated()),
};

export const positionStanding: Picture = {
  id: "position-standing",
  title: "Standing (position only)",
  alt: "A person standing upright, arms relaxed at the sides.",
  frame: { x: -30, y: -104, width: 60, height: 108 },
  props: [{ kind: "floor", y: 0 }],
  ...still(
    pose("side", {
      neck: 0,
      working: limb({ elbow: 8 }),
      other: limb({ elbow: 8 }),
      anchor: { point: "working.heel", at: { x: -2, y: 0 } },
    }),
  ),
};

export const positionKneeling: Picture = {
  id: "position-kneeling",
  title: "Kneeling (position only)",
  alt: "A person kneeling on the floor and sitting back on the heels, hands resting on the thighs.",
  frame: kneelingShin.frame,
  props: [{ kind: "floor", y: 0 }],
  ...still(kneelingShin.start),
};

export const positionLying: Picture = {
  id: "position-lying",
  title: "Lying down (position only)",
  alt: "A person lying on their back on a mat, knees bent and feet flat on the floor, arms by the sides.",
  frame: { x: -50, y: -46, width: 98, height: 50 },
  props: [
    { kind: "floor", y: 0 },
    { kind: "blanket", x: -48, width: 94, floor: 0, thickness: 1.5 },
  ],
  ...still(lying()),
};
