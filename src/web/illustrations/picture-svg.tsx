import type { Vec } from "../../core/poses/body.ts";
import type { Drawing, PropShape, Shape } from "../../core/poses/drawing.ts";

/**
 * SVG for a drawing: props behind, each body group outlined once then filled, the strap, the arrow.
 * Given the drawings of one loop of the movement, every shape also gets an SVG <animate> through those
 * keyframes, so the browser moves the picture itself: no script runs per frame, and nothing depends on
 * CSS animations a build step could rewrite.
 */

const pts = (points: Vec[]) => points.map((p) => `${p.x.toFixed(2)},${p.y.toFixed(2)}`).join(" ");

/** How one shape's attribute changes over the loop, or null when it stays put. */
function Animate({ attr, values, dur }: { attr: string; values: string[]; dur: number }) {
  if (values.every((v) => v === values[0])) return null;
  return <animate attributeName={attr} values={values.join(";")} dur={`${dur}ms`} repeatCount="indefinite" calcMode="linear" />;
}

interface Loop {
  frames: Drawing[];
  dur: number;
}

function ShapeEl({ s, cls, track, loop }: { s: Shape; cls: string; track: (d: Drawing) => Shape; loop: Loop | null }) {
  if (s.shape === "circle")
    return (
      <circle class={cls} cx={s.c.x.toFixed(2)} cy={s.c.y.toFixed(2)} r={s.r}>
        {loop && <Animate attr="cx" dur={loop.dur} values={loop.frames.map((f) => (track(f) as typeof s).c.x.toFixed(2))} />}
        {loop && <Animate attr="cy" dur={loop.dur} values={loop.frames.map((f) => (track(f) as typeof s).c.y.toFixed(2))} />}
      </circle>
    );
  return (
    <polygon class={cls} points={pts(s.points)}>
      {loop && <Animate attr="points" dur={loop.dur} values={loop.frames.map((f) => pts((track(f) as typeof s).points))} />}
    </polygon>
  );
}

function PropEl({ p, track, loop }: { p: PropShape; track: (d: Drawing) => PropShape; loop: Loop | null }) {
  if (p.shape === "line")
    return (
      <polyline class={`fig-${p.role}`} points={pts(p.points)}>
        {loop && <Animate attr="points" dur={loop.dur} values={loop.frames.map((f) => pts((track(f) as typeof p).points))} />}
      </polyline>
    );
  return <rect class={`fig-${p.role}`} x={p.x} y={p.y} width={p.width} height={p.height} rx={p.role === "wall" ? 0 : 0.8} />;
}

/** The drawing's shapes in its own units; with `loop`, they move through its frames (same shapes, other places). */
export function DrawingShapes({ d, loop }: { d: Drawing; loop: Loop | null }) {
  return (
    <g style={{ "--u": d.unit.toFixed(3) }}>
      {d.behind.map((p, i) => (
        <PropEl key={`b${i}`} p={p} loop={loop} track={(f) => f.behind[i]!} />
      ))}
      {d.groups.map((g, gi) => (
        <g key={`g${gi}`} class={`fig-${g.depth}`}>
          <g class="fig-outline">
            {g.shapes.map((s, i) => (
              <ShapeEl key={i} s={s} cls="" loop={loop} track={(f) => f.groups[gi]!.shapes[i]!} />
            ))}
          </g>
          <g class="fig-fill">
            {g.shapes.map((s, i) => (
              <ShapeEl key={i} s={s} cls={s.highlight ? "fig-lit" : ""} loop={loop} track={(f) => f.groups[gi]!.shapes[i]!} />
            ))}
          </g>
        </g>
      ))}
      {d.over.map((p, i) => (
        <PropEl key={`o${i}`} p={p} loop={loop} track={(f) => f.over[i]!} />
      ))}
      {d.arrow && (
        <g class="fig-arrow">
          <polyline points={pts(d.arrow.path)} />
          <polygon points={pts(d.arrow.head)} />
        </g>
      )}
    </g>
  );
}
