import type { ComponentChildren } from "preact";
import type { Program } from "../../core/program.ts";
import type { FieldOrigin, FieldOrigins } from "./field-origins.ts";
import { fieldId } from "./field-path.ts";

/** What every field of the Import form needs: the program being edited, where values came from, problems, and how to change and select. */
export interface FormContext {
  program: Program;
  origins: FieldOrigins;
  source: string;
  /** Problems by the form path that shows them. */
  problems: ReadonlyMap<string, string[]>;
  change(path: string, value: unknown): void;
  select(path: string | null): void;
}

function quote(source: string, origin: FieldOrigin): string {
  return origin.spans
    .map((s) => source.slice(s.start, s.end).replace(/\s+/g, " ").trim())
    .map((q) => (q.length > 60 ? `${q.slice(0, 57)}…` : q))
    .map((q) => `“${q}”`)
    .join(", ");
}

/** The line under a field saying where its value came from, and whether it needs checking. */
export function originNote(source: string, origin: FieldOrigin | undefined): { text: string; check: boolean } | null {
  if (!origin) return null;
  switch (origin.kind) {
    case "read":
      return { text: `From the text: ${quote(source, origin)}`, check: false };
    case "unsure":
      return { text: `Please check: Limber was unsure. From the text: ${quote(source, origin)}`, check: true };
    case "default":
      return { text: "Please check: the text does not say; Limber chose this.", check: true };
    case "named":
      return { text: "Named by Limber.", check: false };
  }
}

/** One labelled field: the control, where its value came from, and its problems, all tied to it for screen readers. */
export function FormField(props: {
  ctx: FormContext;
  path: string;
  label: string;
  /** How to fill the field, when that is not obvious. */
  hint?: string;
  children: (a: { id: string; describedBy: string; invalid: boolean }) => ComponentChildren;
}) {
  const { ctx, path } = props;
  const id = fieldId(path);
  const note = originNote(ctx.source, ctx.origins[path]);
  const problems = ctx.problems.get(path) ?? [];
  const describedBy = [props.hint ? `${id}-hint` : "", note ? `${id}-note` : "", problems.length ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div class={`import-field${note?.check ? " check" : ""}${problems.length ? " invalid" : ""}`} onFocusCapture={() => ctx.select(path)}>
      <label for={id}>
        {props.label}
        {note?.check && <span class="check-badge"> Check</span>}
      </label>
      {props.hint && (
        <p id={`${id}-hint`} class="field-note">
          {props.hint}
        </p>
      )}
      {props.children({ id, describedBy, invalid: problems.length > 0 })}
      {note && (
        <p id={`${id}-note`} class="field-note">
          {note.text}
        </p>
      )}
      {problems.length > 0 && (
        <p id={`${id}-error`} class="field-error">
          {problems.join(" ")}
        </p>
      )}
    </div>
  );
}

const asNumber = (raw: string): number | string => (/^\s*\d+\s*$/.test(raw) ? Number(raw) : raw);

export function TextField(props: { ctx: FormContext; path: string; label: string; value: string; max?: number }) {
  return (
    <FormField ctx={props.ctx} path={props.path} label={props.label}>
      {(a) => (
        <input
          id={a.id}
          type="text"
          value={props.value}
          aria-describedby={a.describedBy || undefined}
          aria-invalid={a.invalid || undefined}
          onInput={(e) => props.ctx.change(props.path, e.currentTarget.value)}
        />
      )}
    </FormField>
  );
}

export function NumberField(props: { ctx: FormContext; path: string; label: string; value: unknown }) {
  return (
    <FormField ctx={props.ctx} path={props.path} label={props.label}>
      {(a) => (
        <input
          id={a.id}
          class="number"
          type="text"
          inputMode="numeric"
          autocomplete="off"
          value={props.value === null || props.value === undefined ? "" : String(props.value)}
          aria-describedby={a.describedBy || undefined}
          aria-invalid={a.invalid || undefined}
          onInput={(e) => props.ctx.change(props.path, asNumber(e.currentTarget.value))}
        />
      )}
    </FormField>
  );
}

export function SelectField(props: {
  ctx: FormContext;
  path: string;
  label: string;
  value: string;
  options: [string, string][];
  onValue?: (v: string) => void;
}) {
  return (
    <FormField ctx={props.ctx} path={props.path} label={props.label}>
      {(a) => (
        <select
          id={a.id}
          value={props.value}
          aria-describedby={a.describedBy || undefined}
          aria-invalid={a.invalid || undefined}
          onChange={(e) => (props.onValue ? props.onValue(e.currentTarget.value) : props.ctx.change(props.path, e.currentTarget.value))}
        >
          {props.options.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/**
 * A from–to pair (hold seconds, repetitions) as one group: two short inputs side by side, then
 * where the pair came from and any problem of either, full width so they stay readable.
 */
export function RangeFields(props: {
  ctx: FormContext;
  path: string;
  legend: string;
  labels: [string, string];
  value: { min: unknown; max: unknown };
}) {
  const { ctx, path } = props;
  const ends = (["min", "max"] as const).map((end) => {
    const p = `${path}.${end}`;
    const id = fieldId(p);
    return { end, p, id, problems: ctx.problems.get(p) ?? [] };
  });
  const note = originNote(ctx.source, ctx.origins[`${path}.min`]);
  const noteId = `${fieldId(path)}-note`;
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  return (
    <fieldset class={`range-fields${note?.check ? " check" : ""}${ends.some((e) => e.problems.length) ? " invalid" : ""}`}>
      <legend>
        {props.legend}
        {note?.check && <span class="check-badge"> Check</span>}
      </legend>
      <div class="range-inputs">
        {ends.map((e, i) => (
          <div class="import-field" key={e.end} onFocusCapture={() => ctx.select(e.p)}>
            <label for={e.id}>{props.labels[i]}</label>
            <input
              id={e.id}
              class="number"
              type="text"
              inputMode="numeric"
              autocomplete="off"
              value={text(props.value[e.end])}
              aria-describedby={[note ? noteId : "", e.problems.length ? `${e.id}-error` : ""].filter(Boolean).join(" ") || undefined}
              aria-invalid={e.problems.length > 0 || undefined}
              onInput={(ev) => ctx.change(e.p, asNumber(ev.currentTarget.value))}
            />
          </div>
        ))}
      </div>
      {note && (
        <p id={noteId} class="field-note">
          {note.text}
        </p>
      )}
      {ends.map(
        (e) =>
          e.problems.length > 0 && (
            <p key={e.end} id={`${e.id}-error`} class="field-error">
              {e.problems.join(" ")}
            </p>
          ),
      )}
    </fieldset>
  );
}
