import type { ImportWarning, Unparsed } from "../../core/import/draft.ts";

const short = (t: string) => (t.length > 120 ? `${t.slice(0, 117)}…` : t);

/** What Limber left out of the program, and what it assumed: the two lists a coach should read. */
export function NotUnderstood(props: { unparsed: Unparsed[]; warnings: ImportWarning[] }) {
  return (
    <section class="card" aria-labelledby="not-understood-title">
      <h3 id="not-understood-title">Not understood</h3>
      {props.unparsed.length === 0 ? (
        <p class="muted">Limber used every part of the text, or found it was about the routine rather than part of it.</p>
      ) : (
        <ul class="not-understood" data-testid="unparsed">
          {props.unparsed.map((u) => (
            <li key={u.span.start}>
              <q>{short(u.text)}</q> <span class="muted">— {u.reason}</span>
            </li>
          ))}
        </ul>
      )}
      {props.warnings.length > 0 && (
        <>
          <h3>Assumptions to check</h3>
          <ul class="not-understood" data-testid="warnings">
            {props.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
