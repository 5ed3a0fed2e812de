import { footDorsiflexion, footEversion, footInversion, footPlantarFlexion } from "./close-up-pictures.ts";
import { calfAtWall, kneelingShin, strapEversion, strapInversion, toeDorsiflexion, toePlantarFlexion } from "./exercise-pictures.ts";
import type { Picture, PictureId } from "./picture.ts";
import { positionKneeling, positionLying, positionSeated, positionStanding } from "./position-pictures.ts";

/** Every picture Limber can draw, by id. */
export const pictureLibrary: Record<PictureId, Picture> = {
  "strap-eversion": strapEversion,
  "strap-inversion": strapInversion,
  "toe-dorsiflexion": toeDorsiflexion,
  "toe-plantar-flexion": toePlantarFlexion,
  "calf-at-wall": calfAtWall,
  "kneeling-shin": kneelingShin,
  "foot-inversion": footInversion,
  "foot-eversion": footEversion,
  "foot-dorsiflexion": footDorsiflexion,
  "foot-plantar-flexion": footPlantarFlexion,
  "position-seated": positionSeated,
  "position-standing": positionStanding,
  "position-kneeling": positionKneeling,
  "position-lying": positionLying,
};
