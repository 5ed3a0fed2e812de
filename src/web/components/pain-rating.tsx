import type { ComponentChildren } from "preact";
import { useRef, useEffect } from "preact/hooks";

const scale = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/**
 * The 0–10 pain question, as big buttons: one tap answers, "Skip" moves on without an answer.
 */
export function PainRating(props: {
  question: string;
  hint: string;
  /** A line under the hint, e.g. whether Limber's voice is ready. */
  note?: ComponentChildren;
  skipLabel: string;
  onAnswer: (score: number | null) => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="pain card" aria-labelledby="pain-question">
      <h1 id="pain-question" ref={heading} tabIndex={-1}>
        {props.question}
      </h1>
      <p class="muted">{props.hint}</p>
      {props.note}
      <div class="scale" role="group" aria-label="Pain from 0, no pain, to 10, the worst you can imagine">
        {scale.map((n) => (
          <button
            key={n}
            type="button"
            aria-label={n === 0 ? "0 no pain" : n === 10 ? "10 worst" : String(n)}
            onClick={() => props.onAnswer(n)}
          >
            {n}
            {/* The two ends say what they mean on the buttons themselves, so no label floats over the wrong column when the scale wraps. */}
            {n === 0 && <small> no pain</small>}
            {n === 10 && <small> worst</small>}
          </button>
        ))}
      </div>
      <button type="button" class="quiet big" onClick={() => props.onAnswer(null)}>
        {props.skipLabel}
      </button>
    </section>
  );
}
