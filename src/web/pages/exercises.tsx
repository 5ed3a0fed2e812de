import { plural } from "../../core/words.ts";
import type { Exercise } from "../../core/program.ts";
import { pictureForExercise, pictureForPhase } from "../../core/poses/choose-picture.ts";
import { PictureView } from "../illustrations/picture-view.tsx";
import { todaysProgram } from "../programs.ts";

const positions: Record<Exercise["position"], string> = {
  seated: "Sitting",
  standing: "Standing",
  kneeling: "Kneeling",
  lying: "Lying down",
  other: "Other",
};

/** "20 seconds", "1 time", "2 to 3 times"; a unit without a singular ("per side") is used as given. */
const range = (r: { min: number; max: number }, one: string, other = `${one}s`) =>
  r.min === r.max ? `${r.min} ${plural(r.min, one, other)}` : `${r.min} to ${r.max} ${other}`;

const capitalised = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

function equipmentText(ex: Exercise): string {
  if (ex.equipment.length === 0) return "None";
  return ex.equipment
    .map(
      (e) => `${capitalised(e.name)}${e.alternatives.length ? ` (or ${e.alternatives.join(", ")})` : ""}${e.optional ? ", optional" : ""}`,
    )
    .join("; ");
}

/** The detail usually names the position already ("Sitting on the floor…"); say it once. */
function positionText(ex: Exercise): string {
  const name = positions[ex.position];
  return ex.positionDetail.toLowerCase().startsWith(name.toLowerCase()) ? ex.positionDetail : `${name}. ${ex.positionDetail}`;
}

function ExerciseCard({ ex, n }: { ex: Exercise; n: number }) {
  const start = pictureForExercise(ex);
  return (
    <article class="card" id={`exercise-${ex.id}`} aria-labelledby={`title-${ex.id}`}>
      <h2 id={`title-${ex.id}`}>
        {n}. {ex.name}
      </h2>
      {start && <PictureView id={start} side={ex.firstSide} mode="start" />}
      <p>{ex.summary}</p>
      <dl class="facts">
        <dt>Position</dt>
        <dd>{positionText(ex)}</dd>
        <dt>Equipment</dt>
        <dd>{equipmentText(ex)}</dd>
        <dt>Sides</dt>
        <dd>{ex.sides === "both" ? `Each foot in turn, ${ex.firstSide} first` : "Both feet together"}</dd>
        <dt>Hold</dt>
        <dd>
          {ex.phases.length === 1
            ? range(ex.phases[0]!.holdSeconds, "second")
            : ex.phases.map((p) => (
                <span key={p.id} class="hold-line">
                  {p.name}: {range(p.holdSeconds, "second")}
                </span>
              ))}
        </dd>
        <dt>Repetitions</dt>
        <dd>{ex.sides === "both" ? range(ex.reps, "per side", "per side") : range(ex.reps, "time")}</dd>
      </dl>
      <h3>Getting into position</h3>
      <ol class="steps">
        {ex.setup.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      {ex.phases.map((p) => {
        const picture = pictureForPhase(ex, p);
        return (
          <section key={p.id} aria-label={p.name}>
            <h3>{p.name}</h3>
            {picture && <PictureView id={picture} side={ex.firstSide} mode="move" />}
            <ol class="steps">
              {p.instructions.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
          </section>
        );
      })}
    </article>
  );
}

/** Every exercise of today's program with its position, equipment, holds and steps. */
export default function ExercisesPage() {
  const program = todaysProgram;
  return (
    <>
      <h1>Exercises</h1>
      <p class="lead">{program.title}: what each movement is and how to do it.</p>
      {program.exercises.map((ex, i) => (
        <ExerciseCard key={ex.id} ex={ex} n={i + 1} />
      ))}
    </>
  );
}
