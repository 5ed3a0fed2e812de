import { useEffect, useMemo, useRef } from "preact/hooks";
import type { Span } from "../../core/import/draft.ts";
import type { Program } from "../../core/program.ts";
import { fieldDescription } from "./field-labels.ts";
import type { FieldOrigins } from "./field-origins.ts";
import { sourcePieces } from "./source-pieces.ts";

const listed = (items: string[]) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join("; ")} and ${items[items.length - 1]}`;

/**
 * The text as the user gave it, with every value Limber read marked. Each mark says which
 * field it fed; pressing it goes to that field, and the mark of the selected field is lit.
 */
export function SourceView(props: {
  source: string;
  origins: FieldOrigins;
  unused: readonly Span[];
  program: Program;
  selected: string | null;
  onPick: (path: string) => void;
}) {
  const { source, origins, program, selected } = props;
  const pieces = useMemo(() => sourcePieces(source.length, origins, props.unused), [source, origins, props.unused]);
  const unusedEnds = useMemo(() => new Set(props.unused.map((s) => s.end)), [props.unused]);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Bring the lit mark into view inside the text box only: the page itself must not jump
    // away from the field being edited.
    const el = box.current;
    const mark = el?.querySelector<HTMLElement>("mark.current");
    if (!el || !mark || el.scrollHeight <= el.clientHeight) return;
    const top = mark.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop;
    el.scrollTop = Math.max(0, top - el.clientHeight / 3);
  }, [selected]);

  return (
    <div class="source-text" ref={box} tabIndex={0} role="region" aria-label="The routine text, with what Limber read marked">
      {pieces.map((p) => {
        const text = source.slice(p.start, p.end);
        if (p.unused)
          return (
            <span key={p.start} class="unused">
              {text}
              {unusedEnds.has(p.end) && <span class="sr-only"> (not used)</span>}
            </span>
          );
        if (p.fields.length === 0) return text;
        const unsure = p.fields.some((f) => origins[f]?.kind !== "read");
        const current = selected !== null && p.fields.includes(selected);
        return (
          <mark key={p.start} class={`found${unsure ? " unsure" : ""}${current ? " current" : ""}`} data-fields={p.fields.join(" ")}>
            <button type="button" class="mark-button" onClick={() => props.onPick(p.fields[0]!)}>
              {text}
              <span class="sr-only">
                {" "}
                (used for {listed(p.fields.map((f) => fieldDescription(f, program)))}
                {unsure ? "; please check" : ""})
              </span>
            </button>
          </mark>
        );
      })}
    </div>
  );
}
