import type { BodyGroup, Drawing, PropShape, Shape } from "../../core/poses/drawing.ts";
import type { Vec } from "../../core/poses/body.ts";

/** SVG for one drawing: props behind, each body group outlined once then filled, the strap, the arrow. */

const pts = (points: Vec[]) => points.map((p) => `${p.x.toFixed(2)},${p.y.toFixed(2)}`).join(" ");

function ShapeEl({ s, cls }: { s: Shape; cls: string }) {
  return s.shape === "circle" ? (
    <circle class={cls} cx={s.c.x.toFixed(2)} cy={s.c.y.toFixed(2)} r={s.r} />
  ) : (
    <polygon class={cls} points={pts(s.points)} />
  );
}

function Group({ g }: { g: BodyGroup }) {
  return (
    <g class={`fig-${g.depth}`}>
      <g class="fig-outline">
        {g.shapes.map((s, i) => (
          <ShapeEl key={i} s={s} cls="" />
        ))}
      </g>
      <g class="fig-fill">
        {g.shapes.map((s, i) => (
          <ShapeEl key={i} s={s} cls={s.highlight ? "fig-lit" : ""} />
        ))}
      </g>
    </g>
  );
}

function PropEl({ p }: { p: PropShape }) {
  if (p.shape === "line") return <polyline class={`fig-${p.role}`} points={pts(p.points)} />;
  return <rect class={`fig-${p.role}`} x={p.x} y={p.y} width={p.width} height={p.height} rx={p.role === "wall" ? 0 : 0.8} />;
}

/** The drawing's shapes, in the drawing's own units (place it in an <svg> with the frame as viewBox). */
export function DrawingShapes({ d }: { d: Drawing }) {
  return (
    <g style={{ "--u": d.unit.toFixed(3) }}>
      {d.behind.map((p, i) => (
        <PropEl key={`b${i}`} p={p} />
      ))}
      {d.groups.map((g, i) => (
        <Group key={`g${i}`} g={g} />
      ))}
      {d.over.map((p, i) => (
        <PropEl key={`o${i}`} p={p} />
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
