import type { Exercise, Phase } from "../../core/program.ts";
import { matchedPicture, pictureForPhase } from "../../core/poses/choose-picture.ts";
import { pictureLibrary } from "../../core/poses/library.ts";
import { pictureIds } from "../../core/poses/picture.ts";
import { SelectInput } from "../components/field.tsx";
import { PictureView } from "../illustrations/picture-view.tsx";

const automaticLabel = (ex: Exercise, phase: Phase) => {
  const matched = matchedPicture(ex, phase);
  const shown = pictureForPhase(ex, { ...phase, picture: undefined });
  return `Automatic: ${matched ? pictureLibrary[matched].title : shown ? pictureLibrary[shown].title : "no picture"}`;
};

/** The coach picks each movement's picture from the library, or none; "Automatic" keeps the matched one. */
export function PicturePicker({
  exercise,
  index,
  onChange,
}: {
  exercise: Exercise;
  index: number;
  onChange: (path: string, value: unknown) => void;
}) {
  return (
    <fieldset class="card picture-picker">
      <legend>Pictures for “{exercise.name}”</legend>
      {exercise.phases.map((phase, p) => {
        const shown = pictureForPhase(exercise, phase);
        return (
          <div key={phase.id} class="picture-choice">
            <SelectInput
              id={`picture-${index}-${p}`}
              label={phase.name}
              value={phase.picture ?? ""}
              options={[
                { value: "", label: automaticLabel(exercise, phase) },
                ...pictureIds.map((id) => ({ value: id, label: pictureLibrary[id].title })),
                { value: "none", label: "No picture" },
              ]}
              onChange={(v) => onChange(`exercises[${index}].phases[${p}].picture`, v === "" ? undefined : v)}
            />
            {shown && <PictureView id={shown} side={exercise.firstSide} mode="end" />}
          </div>
        );
      })}
    </fieldset>
  );
}
