import { useEffect, useMemo, useState } from "preact/hooks";
import type { Side } from "../../core/program.ts";
import type { PictureMode } from "../../core/poses/choose-picture.ts";
import { drawScene } from "../../core/poses/drawing.ts";
import { loopMs, loopProgress } from "../../core/poses/movement.ts";
import { pictureLibrary } from "../../core/poses/library.ts";
import type { Picture, PictureId, Scene } from "../../core/poses/picture.ts";
import { DrawingShapes } from "./picture-svg.tsx";
import "./pictures.css";

/** The picture's words for the side drawn. */
export function altOf(p: Picture, side: Side | null): string {
  return p.alt.replaceAll("{side}", side ?? "right");
}

const motionQuery = () => (typeof matchMedia === "function" ? matchMedia("(prefers-reduced-motion: reduce)") : null);

/** Whether the person asked for less motion, following the setting if it changes while the page is open. */
function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => motionQuery()?.matches ?? false);
  useEffect(() => {
    const q = motionQuery();
    if (!q) return;
    const changed = () => setReduced(q.matches);
    q.addEventListener("change", changed);
    return () => q.removeEventListener("change", changed);
  }, []);
  return reduced;
}

/** Keyframes per loop: enough that straight-line steps between them read as a smooth, eased movement. */
const keyframes = 48;

function SceneSvg({ scene, mode, moving, unit }: { scene: Scene; mode: PictureMode; moving: boolean; unit?: number }) {
  const end = useMemo(() => drawScene(scene, 1), [scene]);
  const loop = useMemo(
    () =>
      moving
        ? { dur: loopMs, frames: Array.from({ length: keyframes + 1 }, (_, k) => drawScene(scene, loopProgress((k / keyframes) * loopMs))) }
        : null,
    [scene, moving],
  );
  const shown = mode === "start" ? drawScene(scene, 0) : end;
  return <DrawingShapes d={{ ...shown, unit: unit ?? shown.unit, arrow: mode === "start" ? null : end.arrow }} loop={loop} />;
}

/** One library picture, for the left or right side, still or moving; an image with words for screen readers. */
export function PictureView({ id, side, mode, class: className }: { id: PictureId; side: Side | null; mode: PictureMode; class?: string }) {
  const picture = pictureLibrary[id];
  const reduced = useReducedMotion();
  const moving = mode === "move" && !reduced;
  const f = picture.frame;
  const mirror = side === "left" ? `translate(${2 * f.x + f.width} 0) scale(-1 1)` : undefined;
  const inset = picture.inset;
  return (
    <svg
      class={`picture ${className ?? ""}`}
      viewBox={`${f.x} ${f.y} ${f.width} ${f.height}`}
      role="img"
      aria-label={altOf(picture, side)}
      data-picture={id}
      data-side={side ?? "right"}
      data-mode={mode}
      data-moving={moving ? "yes" : "no"}
    >
      <g transform={mirror}>
        <SceneSvg scene={picture} mode={mode} moving={moving} />
        {inset && (
          <g class="fig-inset">
            <circle class="fig-inset-ring" cx={inset.circle.x} cy={inset.circle.y} r={inset.circle.r} />
            <svg
              x={inset.circle.x - inset.circle.r * 0.92}
              y={inset.circle.y - inset.circle.r * 0.92}
              width={inset.circle.r * 1.84}
              height={inset.circle.r * 1.84}
              viewBox={`${inset.frame.x} ${inset.frame.y} ${inset.frame.width} ${inset.frame.height}`}
            >
              <SceneSvg
                scene={inset}
                mode={mode}
                moving={moving}
                unit={drawScene(picture, 0).unit * (inset.frame.width / (inset.circle.r * 1.84))}
              />
            </svg>
          </g>
        )}
      </g>
    </svg>
  );
}
