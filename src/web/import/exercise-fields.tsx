import { useState } from "preact/hooks";
import type { Exercise } from "../../core/program.ts";
import { equipmentFromText, equipmentToText } from "./equipment-text.ts";
import { FIELD_LABELS } from "./field-labels.ts";
import { fieldId } from "./field-path.ts";
import { FormField, NumberField, RangeFields, SelectField, TextField, type FormContext } from "./form-field.tsx";

const POSITIONS: [string, string][] = [
  ["seated", "Sitting"],
  ["standing", "Standing"],
  ["kneeling", "Kneeling"],
  ["lying", "Lying down"],
  ["other", "Other"],
];
const SIDES: [string, string][] = [
  ["both", "Each side in turn"],
  ["none", "Both feet together"],
];
const FIRST_SIDES: [string, string][] = [
  ["", "Choose a side"],
  ["left", "Left"],
  ["right", "Right"],
];
const MOTIONS: [string, string][] = [
  ["", "None named"],
  ["eversion", "Outward (eversion)"],
  ["inversion", "Inward (inversion)"],
  ["dorsiflexion", "Up (dorsiflexion)"],
  ["plantar-flexion", "Down (plantar flexion)"],
];

/** Problems the form shows on a whole box (an exercise or a phase), for parts it has no field for. */
function GroupProblems({ ctx, path }: { ctx: FormContext; path: string }) {
  const problems = ctx.problems.get(path);
  if (!problems?.length) return null;
  return (
    <p class="field-error" id={`${fieldId(path)}-error`}>
      {problems.join(" ")}
    </p>
  );
}

/** Equipment as one editable line; the text is kept as typed while the program gets the parsed list. */
function EquipmentField({ ctx, path, value }: { ctx: FormContext; path: string; value: Exercise["equipment"] }) {
  const [typed, setTyped] = useState(() => equipmentToText(value));
  // Keep what was typed ("strap or " half-written) unless the list was changed from elsewhere,
  // e.g. another routine was read into the form.
  const text = equipmentToText(equipmentFromText(typed)) === equipmentToText(value) ? typed : equipmentToText(value);
  return (
    <FormField ctx={ctx} path={path} label={FIELD_LABELS.equipment!} hint="Commas between items; “or” before a substitute.">
      {(a) => (
        <input
          id={a.id}
          type="text"
          value={text}
          aria-describedby={a.describedBy || undefined}
          aria-invalid={a.invalid || undefined}
          onInput={(e) => {
            setTyped(e.currentTarget.value);
            ctx.change(path, equipmentFromText(e.currentTarget.value));
          }}
        />
      )}
    </FormField>
  );
}

/** Every editable field of one exercise, with its phases, in one labelled box. */
export function ExerciseFields({ ctx, index }: { ctx: FormContext; index: number }) {
  const ex = ctx.program.exercises[index]!;
  const at = `exercises[${index}]`;
  return (
    <fieldset
      class="exercise-fields card"
      id={fieldId(at)}
      aria-describedby={ctx.problems.get(at)?.length ? `${fieldId(at)}-error` : undefined}
    >
      <legend>
        Exercise {index + 1}: {String(ex.name ?? "")}
      </legend>
      <GroupProblems ctx={ctx} path={at} />
      <TextField ctx={ctx} path={`${at}.name`} label={FIELD_LABELS.name!} value={String(ex.name ?? "")} />
      <SelectField ctx={ctx} path={`${at}.position`} label={FIELD_LABELS.position!} value={ex.position} options={POSITIONS} />
      <EquipmentField ctx={ctx} path={`${at}.equipment`} value={ex.equipment} />
      <SelectField
        ctx={ctx}
        path={`${at}.sides`}
        label={FIELD_LABELS.sides!}
        value={ex.sides}
        options={SIDES}
        onValue={(v) => {
          ctx.change(`${at}.sides`, v);
          if (v === "none") ctx.change(`${at}.firstSide`, null);
        }}
      />
      {ex.sides === "both" && (
        <SelectField
          ctx={ctx}
          path={`${at}.firstSide`}
          label={FIELD_LABELS.firstSide!}
          value={ex.firstSide ?? ""}
          options={FIRST_SIDES}
          onValue={(v) => ctx.change(`${at}.firstSide`, v === "" ? null : v)}
        />
      )}
      <RangeFields
        ctx={ctx}
        path={`${at}.reps`}
        legend={ex.sides === "both" ? "Repetitions on each side" : "Repetitions"}
        labels={["Fewest", "Most"]}
        value={ex.reps}
      />
      {ex.sets !== undefined && <NumberField ctx={ctx} path={`${at}.sets`} label={FIELD_LABELS.sets!} value={ex.sets} />}
      {ex.progression.capSeconds !== null && (
        <NumberField
          ctx={ctx}
          path={`${at}.progression.capSeconds`}
          label={FIELD_LABELS["progression.capSeconds"]!}
          value={ex.progression.capSeconds}
        />
      )}
      {ex.phases.map((ph, j) => {
        const pat = `${at}.phases[${j}]`;
        return (
          <fieldset key={j} class="phase-fields" id={fieldId(pat)}>
            <legend>{ex.phases.length === 1 ? "The hold" : `Hold ${j + 1} of ${ex.phases.length}`}</legend>
            <GroupProblems ctx={ctx} path={pat} />
            <TextField ctx={ctx} path={`${pat}.name`} label={FIELD_LABELS.name!} value={String(ph.name ?? "")} />
            <SelectField
              ctx={ctx}
              path={`${pat}.motion`}
              label={FIELD_LABELS.motion!}
              value={ph.motion ?? ""}
              options={MOTIONS}
              onValue={(v) => ctx.change(`${pat}.motion`, v === "" ? null : v)}
            />
            <RangeFields
              ctx={ctx}
              path={`${pat}.holdSeconds`}
              legend="Hold, in seconds"
              labels={["Shortest", "Longest"]}
              value={ph.holdSeconds}
            />
          </fieldset>
        );
      })}
    </fieldset>
  );
}
