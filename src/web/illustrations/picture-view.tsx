import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Side } from "../../core/program.ts";
import type { PictureMode } from "../../core/poses/choose-picture.ts";
import { drawScene } from "../../core/poses/drawing.ts";
import { loopProgress } from "../../core/poses/movement.ts";
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

/** 0..1 through the movement, advancing on animation frames while the picture is on screen. */
function useMovement(mode: PictureMode, host: { current: Element | null }): number {
  const still = mode === "start" ? 0 : 1;
  const reduced = useReducedMotion();
  const [t, setT] = useState(still);
  useEffect(() => {
    if (mode !== "move" || reduced) {
      setT(still);
      return;
    }
    let frame = 0;
    let visible = true;
    const began = performance.now();
    const tick = (now: number) => {
      if (visible) setT(loopProgress(now - began));
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    const seen =
      typeof IntersectionObserver === "function" && host.current
        ? new IntersectionObserver(([e]) => (visible = !!e?.isIntersecting))
        : null;
    if (seen && host.current) seen.observe(host.current);
    return () => {
      cancelAnimationFrame(frame);
      seen?.disconnect();
    };
  }, [mode, reduced]);
  return t;
}

function SceneSvg({ scene, t, arrow }: { scene: Scene; t: number; arrow: boolean }) {
  const d = useMemo(() => drawScene(scene, 1), [scene]);
  return <DrawingShapes d={{ ...drawScene(scene, t), arrow: arrow ? d.arrow : null }} />;
}

/** One library picture, for the left or right side, still or moving; an image with words for screen readers. */
export function PictureView({ id, side, mode, class: className }: { id: PictureId; side: Side | null; mode: PictureMode; class?: string }) {
  const picture = pictureLibrary[id];
  const host = useRef<SVGSVGElement>(null);
  const t = useMovement(mode, host);
  const f = picture.frame;
  const mirror = side === "left" ? `translate(${2 * f.x + f.width} 0) scale(-1 1)` : undefined;
  const inset = picture.inset;
  return (
    <svg
      ref={host}
      class={`picture ${className ?? ""}`}
      viewBox={`${f.x} ${f.y} ${f.width} ${f.height}`}
      role="img"
      aria-label={altOf(picture, side)}
      data-picture={id}
      data-side={side ?? "right"}
      data-mode={mode}
    >
      <g transform={mirror}>
        <SceneSvg scene={picture} t={t} arrow={mode !== "start"} />
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
              <SceneSvg scene={inset} t={t} arrow={mode !== "start"} />
            </svg>
          </g>
        )}
      </g>
    </svg>
  );
}
