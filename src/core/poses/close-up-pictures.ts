import type { Pose } from "./body.ts";
import { limb, pose } from "./pose-parts.ts";
import type { Picture, Scene } from "./picture.ts";

/**
 * Close-ups of one foot for the four motions of the glossary: seen from the front for inversion and
 * eversion (the sole turns about the foot's long axis), from the side for dorsiflexion and plantar flexion.
 * Drawn as the right foot; mirrored for the left.
 */

/** The right foot seen from the front, the body's midline to the viewer's right. */
export const footFront = {
  /** The foot turned `tilt` degrees: inversion (sole toward the midline) positive, eversion negative. */
  pose: (tilt: number): Pose => pose("front", { working: limb({ tilt }), anchor: { point: "working.ankle", at: { x: 0, y: -12 } } }),
  frameAndProps: {
    frame: { x: -13, y: -29, width: 28, height: 30 },
    parts: ["working.shin", "working.foot"],
    props: [{ kind: "guide", from: { x: 12, y: -29 }, to: { x: 12, y: 1 } }],
  } satisfies Pick<Scene, "frame" | "parts" | "props">,
};

const front = (tilt: number): Omit<Picture, "id" | "alt" | "title"> => ({
  ...footFront.frameAndProps,
  start: footFront.pose(0),
  end: footFront.pose(tilt),
  highlight: ["working.foot"],
  arrow: { point: "working.soleInner", offset: { x: 1, y: 1 }, scale: 1.7 },
});

/** The right foot seen from its outer side, toes to the right, the shin straight up. */
export const footSide = (ankle: number, toes = ankle > 0 ? 12 : -8): Pose =>
  pose("side", { working: limb({ ankle, toes }), anchor: { point: "working.ankle", at: { x: -2, y: -14 } } });

/** The frame, parts and neutral line of a side close-up of the foot. */
export const footSideFrame = {
  frame: { x: -10, y: -32, width: 32, height: 34 },
  parts: ["working.shin", "working.foot"],
  props: [{ kind: "guide", from: { x: -9, y: -10 }, to: { x: 21, y: -10 } }],
} satisfies Pick<Scene, "frame" | "parts" | "props">;

const side = (ankle: number): Omit<Picture, "id" | "alt" | "title"> => ({
  ...footSideFrame,
  start: footSide(0),
  end: footSide(ankle),
  highlight: ["working.foot"],
  arrow: { point: "working.toe", offset: { x: 2.5, y: 0 } },
});

export const footInversion: Picture = {
  id: "foot-inversion",
  title: "Inversion (close-up)",
  alt: "A {side} foot seen from the front. Its sole turns inward, toward the dashed line of the body's midline.",
  ...front(26),
};
export const footEversion: Picture = {
  id: "foot-eversion",
  title: "Eversion (close-up)",
  alt: "A {side} foot seen from the front. Its sole turns outward, away from the dashed line of the body's midline.",
  ...front(-20),
};
export const footDorsiflexion: Picture = {
  id: "foot-dorsiflexion",
  title: "Dorsiflexion (close-up)",
  alt: "A {side} foot seen from the side. The foot and toes draw up toward the shin, above the dashed line where they rest.",
  ...side(22),
};
export const footPlantarFlexion: Picture = {
  id: "foot-plantar-flexion",
  title: "Plantar flexion (close-up)",
  alt: "A {side} foot seen from the side. The foot and toes point down, away from the shin, below the dashed line where they rest.",
  ...side(-35),
};
