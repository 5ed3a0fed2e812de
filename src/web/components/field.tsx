import type { ComponentChildren } from "preact";

/** What a control inside a Field needs so its label, hint and problem reach screen readers. */
export interface FieldControl {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
}

/**
 * One field of any form in the app: the label above, a hint under it when filling it is not
 * obvious, the control, and the problem the server or the form found, all tied to the control.
 */
export function Field(props: {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  problem?: string;
  children: (control: FieldControl) => ComponentChildren;
}) {
  const hintId = `${props.id}-hint`;
  const problemId = `${props.id}-error`;
  const describedBy = [props.hint ? hintId : "", props.problem ? problemId : ""].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p id={hintId} class="field-hint">
          {props.hint}
        </p>
      )}
      {props.children({ id: props.id, "aria-describedby": describedBy || undefined, "aria-invalid": props.problem ? true : undefined })}
      {props.problem && (
        <p id={problemId} class="field-error">
          {props.problem}
        </p>
      )}
    </div>
  );
}

/** A one-line text box in a Field. */
export function TextInput(props: {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  problem?: string;
  value: string;
  onInput: (v: string) => void;
  type?: "text" | "email" | "password" | "number" | "date" | "time" | "search";
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  inputMode?: "numeric" | "text";
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} problem={props.problem}>
      {(control) => (
        <input
          {...control}
          // Preact types each input type separately; these all take the same attributes here.
          type={(props.type ?? "text") as "text"}
          value={props.value}
          autocomplete={props.autocomplete}
          required={props.required}
          maxLength={props.maxLength}
          min={props.min}
          max={props.max}
          inputMode={props.inputMode}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

/** A text box of several lines in a Field. */
export function TextArea(props: {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  problem?: string;
  value: string;
  onInput: (v: string) => void;
  rows?: number;
  maxLength?: number;
  required?: boolean;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} problem={props.problem}>
      {(control) => (
        <textarea
          {...control}
          rows={props.rows ?? 3}
          maxLength={props.maxLength}
          required={props.required}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

/** A choice from a list in a Field. */
export function SelectInput(props: {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  problem?: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (v: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} problem={props.problem}>
      {(control) => (
        <select {...control} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
