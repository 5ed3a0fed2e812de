import type { SavedProgram } from "./saved-programs.ts";
import { count } from "../../core/words.ts";
import { fullDayText } from "../dates.ts";
import { localDay } from "../session/streak.ts";

const day = (iso: string) => fullDayText(localDay(Date.parse(iso)));

/** The programs the user saved on this device, each ready to start. */
export function SavedProgramList(props: { saved: SavedProgram[]; onRemove: (s: SavedProgram) => void }) {
  return (
    <section class="card" aria-labelledby="saved-title">
      <h2 id="saved-title">Your programs on this device</h2>
      {props.saved.length === 0 ? (
        <p class="muted">None yet. A routine you import and save appears here.</p>
      ) : (
        <ul class="saved-programs">
          {props.saved.map((s) => (
            <li key={s.id} data-program-id={s.id}>
              <p class="saved-name">{s.program.title}</p>
              <p class="muted">
                {count(s.program.exercises.length, "exercise")} · saved {day(s.savedAt)}
              </p>
              <div class="saved-actions">
                <a class="button primary" href={`#/play?program=${encodeURIComponent(s.id)}`} aria-label={`Start ${s.program.title}`}>
                  Start
                </a>
                <button type="button" class="quiet" onClick={() => props.onRemove(s)} aria-label={`Remove ${s.program.title}`}>
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
