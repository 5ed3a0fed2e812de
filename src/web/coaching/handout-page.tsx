import { useEffect, useState } from "preact/hooks";
import { renderSVG } from "uqr";
import { withOverrides } from "../../core/prescription.ts";
import type { Exercise, Program } from "../../core/program.ts";
import { holdSecondsFor, initialProgress } from "../../core/progress.ts";
import { pictureForPhase } from "../../core/poses/choose-picture.ts";
import { PictureView } from "../illustrations/picture-view.tsx";
import { callApi } from "../sync/server-api.ts";
import { scheduleText, type ClientDetail, type MyPlan, type StoredPrescription } from "./coaching-api.ts";
import { segments } from "./hash-params.ts";
import "./handout.css";
import { count } from "../../core/words.ts";

interface HandoutData {
  forName: string | null;
  program: Program;
  prescription: StoredPrescription;
}

function sidesText(ex: Exercise): string {
  return ex.sides === "both" ? `Each side, ${ex.firstSide ?? "left"} first` : "Both feet together";
}

function repsText(ex: Exercise): string {
  return ex.reps.min === ex.reps.max ? count(ex.reps.min, "time") : `${ex.reps.min} to ${ex.reps.max} times`;
}

/**
 * A printable page of a plan: each exercise with its drawing, position, holds, repetitions and
 * sides, the days, the coach's note, and a QR code that opens the program in Limber.
 */
export default function HandoutPage() {
  const clientId = segments.value[0] ?? null;
  const [data, setData] = useState<HandoutData | null>(null);
  const [problem, setProblem] = useState("");
  useEffect(() => {
    let current = true;
    const show = (d: HandoutData) => current && setData(d);
    const load = async () => {
      if (clientId) {
        const r = await callApi<ClientDetail>("GET", `/api/clients/${encodeURIComponent(clientId)}`);
        if (r.status === 200 && r.body.prescription && r.body.program)
          return show({ forName: r.body.client.displayName, program: r.body.program, prescription: r.body.prescription });
      } else {
        const r = await callApi<MyPlan>("GET", "/api/prescription");
        if (r.status === 200 && r.body.prescription && r.body.program)
          return show({ forName: null, program: r.body.program, prescription: r.body.prescription });
      }
      if (current) setProblem("There is no plan to print yet.");
    };
    setData(null);
    setProblem("");
    void load().catch(() => current && setProblem("The handout needs a connection to the server."));
    return () => {
      current = false;
    };
  }, [clientId]);
  if (problem) {
    return (
      <>
        <h1>Handout</h1>
        <p role="status">{problem}</p>
      </>
    );
  }
  if (!data) return <p class="loading">Loading…</p>;
  const { program, prescription } = data;
  const pinned = withOverrides(program, initialProgress(program), prescription.holdOverrides);
  const link = `${location.origin}/#/play?program=${encodeURIComponent(program.id)}`;
  const qr = renderSVG(link, { border: 1 });
  return (
    <article class="handout">
      <p class="no-print">
        <button type="button" class="primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </p>
      <header class="handout-head">
        <div>
          <h1>{program.title}</h1>
          {data.forName && <p class="lead">For {data.forName}</p>}
          <p>
            <strong>When:</strong> {scheduleText(prescription.schedule)}.
          </p>
          {prescription.note && (
            <p>
              <strong>Note from your coach:</strong> {prescription.note}
            </p>
          )}
        </div>
        <div class="handout-qr">
          <div class="qr" role="img" aria-label="QR code that opens this program in Limber" dangerouslySetInnerHTML={{ __html: qr }} />
          <p>Scan with your phone’s camera to open this program in Limber, which times every hold and speaks each step.</p>
        </div>
      </header>
      <ol class="handout-exercises">
        {program.exercises.map((ex) => (
          <li key={ex.id} class="handout-exercise">
            <h2>{ex.name}</h2>
            <div class="handout-pictures">
              {ex.phases.map((p) => {
                const id = pictureForPhase(ex, p);
                return id && <PictureView key={p.id} id={id} side={ex.firstSide} mode="end" />;
              })}
            </div>
            <p>{ex.positionDetail}</p>
            <dl class="facts handout-facts">
              <dt>Repetitions</dt>
              <dd>{repsText(ex)}</dd>
              <dt>Sides</dt>
              <dd>{sidesText(ex)}</dd>
              {ex.phases.flatMap((ph) => [
                <dt key={`${ph.id}-name`}>{ph.name}</dt>,
                <dd key={`${ph.id}-hold`}>
                  Hold {count(prescription.holdOverrides[ex.id]?.[ph.id] ?? holdSecondsFor(pinned, ex, ph), "second")}
                  {prescription.holdOverrides[ex.id]?.[ph.id] === undefined && ` (growing toward ${ph.holdSeconds.max})`}
                </dd>,
              ])}
            </dl>
            <ol class="steps">
              {[...ex.setup, ...ex.phases.flatMap((p) => p.instructions)].map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
      {program.safety.length > 0 && (
        <section class="handout-safety">
          <h2>Safety</h2>
          <ul>
            {program.safety.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
