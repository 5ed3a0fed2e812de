import type { PictureId } from "../../core/poses/picture.ts";
import { PictureView } from "../illustrations/picture-view.tsx";
import { todaysProgram } from "../programs.ts";

/** The words for foot motions, why feet matter for the back, and how to stay safe. */
export default function LearnPage() {
  const program = todaysProgram;
  return (
    <>
      <h1>Learn</h1>
      <section aria-labelledby="words">
        <h2 id="words">Four ways a foot moves</h2>
        {program.glossary.map((g) => (
          <article key={g.term} class="card motion" aria-labelledby={`term-${g.term}`}>
            {g.motion ? <PictureView id={`foot-${g.motion}` satisfies PictureId} side="right" mode="move" class="close-up" /> : <span />}
            <div>
              <h3 id={`term-${g.term}`}>{g.term}</h3>
              <p>{g.meaning}</p>
              {g.weight && <p class="muted">{g.weight}</p>}
            </div>
          </article>
        ))}
      </section>
      <section class="card" aria-labelledby="why">
        <h2 id="why">Why your feet matter for your back</h2>
        {program.about.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </section>
      <section class="card safety" aria-labelledby="safety">
        <h2 id="safety">Stay safe</h2>
        <ul>
          {program.safety.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </section>
      {program.source && (
        <p class="muted">
          Source: {program.source.title}
          {program.source.author ? `, by ${program.source.author}` : ""}. Written in Limber’s own words.
        </p>
      )}
    </>
  );
}
