import type { Limb, PointName, Pose, Vec } from "./body.ts";
import type { Prop } from "./props.ts";

/** Every picture in the library, by id. Program files may name one (see docs/routine-format.md). */
export const pictureIds = [
  "strap-eversion",
  "strap-inversion",
  "toe-dorsiflexion",
  "toe-plantar-flexion",
  "calf-at-wall",
  "kneeling-shin",
  "foot-inversion",
  "foot-eversion",
  "foot-dorsiflexion",
  "foot-plantar-flexion",
  "position-seated",
  "position-standing",
  "position-kneeling",
  "position-lying",
] as const;
export type PictureId = (typeof pictureIds)[number];

/** A body part that can be drawn and highlighted. */
export type Part = "head" | "trunk" | `${Limb}.${"thigh" | "shin" | "foot" | "upperArm" | "forearm" | "hand"}`;

/** A rectangle of picture space, in body units (a standing adult is 100 tall). */
export interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * One scene: a body moving from a start pose to an end pose among props, framed. A still position
 * has the same pose at both ends and no arrow.
 */
export interface Scene {
  frame: Frame;
  start: Pose;
  end: Pose;
  props: Prop[];
  /** The parts drawn; every part when absent (close-ups draw one leg). */
  parts?: Part[];
  /** The working parts, drawn in the highlight colour. */
  highlight: Part[];
  /**
   * An arrow along the path one point travels from start to end, drawn `offset` away from it; `scale`
   * enlarges that path about the pose's anchor, for a small movement seen close.
   */
  arrow: { point: PointName; offset: Vec; scale?: number } | null;
}

/** A picture of the library: a scene, its words, and maybe a close-up of the foot in a corner. */
export interface Picture extends Scene {
  id: PictureId;
  /** What the picture shows, in words, for people who cannot see it; "{side}" becomes "right" or "left". */
  alt: string;
  /** A short name for the coach's picture list. */
  title: string;
  /** A close-up drawn in a circle (centre and radius in picture units), moving with the main scene. */
  inset?: Scene & { circle: { x: number; y: number; r: number } };
}
