import { useEffect, useMemo, useRef } from "preact/hooks";
import { currentStep } from "../../core/player.ts";
import { activeSession, settings } from "../app-data.ts";
import { services } from "../app-services.ts";
import { ConfirmDialog } from "../components/confirm-dialog.tsx";
import { CountdownRing } from "../components/countdown-ring.tsx";
import { PainRating } from "../components/pain-rating.tsx";
import { pictureForStep } from "../../core/poses/choose-picture.ts";
import { DoneArt } from "../illustrations/exercise-art.tsx";
import { PictureView } from "../illustrations/picture-view.tsx";
import { programIdInHash, programToPlay } from "../import/program-to-play.ts";
import { todaysProgram } from "../programs.ts";
import { announcementOf } from "../session/guided-session.ts";
import { createPlayerController, type Confirmable, type PlayerController } from "../session/player-controller.ts";
import { instructionsOf, nextText, overallText, phaseText, whereText } from "../session/step-text.ts";
import { deliverNow } from "../sync/background-sync.ts";
import type { VoiceMode } from "../soundtrack/soundtrack.ts";
import { SessionEnd } from "./session-end.tsx";

const questions: Record<Confirmable, { title: string; body: string; confirmLabel: string }> = {
  end: {
    title: "End this session now?",
    body: "What you have done so far is kept. The rest of today's steps are left out.",
    confirmLabel: "End session",
  },
  restart: {
    title: "Start again from the first step?",
    body: "The steps you have done in this session are not kept.",
    confirmLabel: "Start again",
  },
};

/** The guided session: pain question, the running step, pain question again, the end screen. */
export default function PlayerPage() {
  const svc = services();
  const controller = useMemo(
    () =>
      createPlayerController({
        services: svc,
        restored: activeSession.value,
        linkedProgramId: programIdInHash(location.hash),
        programFor: programToPlay,
        deliver: (log) => deliverNow(svc.store, log.id),
      }),
    [],
  );
  useEffect(() => () => controller.dispose(), []);
  const view = controller.view.value;

  if (view.stage === "loading" || !view.program) return <p class="loading">Loading…</p>;
  if (view.stage === "pain-before") {
    return (
      <PainRating
        question="How does your back feel right now?"
        hint={`${view.program.id === todaysProgram.id ? "" : `${view.program.title}. `}Pick a number from 0 (no pain) to 10 (the worst you can imagine). Your session starts straight after.`}
        note={
          view.soundtrack !== "none" && (
            <p class="voice-ready" data-testid="voice-ready" data-state={view.soundtrack} aria-live="polite">
              {view.soundtrack === "ready"
                ? "Limber’s voice is ready: once you start, you can lock the screen and listen."
                : "Getting Limber’s voice ready…"}
            </p>
          )
        }
        skipLabel="Skip and start"
        onAnswer={controller.start}
      />
    );
  }
  if (view.stage === "pain-after") {
    return (
      <PainRating
        question="How does your back feel now?"
        hint="The same scale as before: 0 is no pain, 10 is the worst you can imagine."
        skipLabel="Skip"
        onAnswer={(n) => void controller.finish(n)}
      />
    );
  }
  if (view.stage === "summary" && view.log) {
    return <SessionEnd log={view.log} timeline={view.player?.timeline ?? null} delivery={view.delivery} />;
  }
  return <RunningSession controller={controller} />;
}

function RunningSession({ controller }: { controller: PlayerController }) {
  const svc = services();
  const view = controller.view.value;
  const state = view.player!;
  const pauseButton = useRef<HTMLButtonElement>(null);

  // The pain question that had focus is gone: put keyboard and screen-reader users on the
  // main control, from where Space pauses and the arrows skip.
  useEffect(() => {
    // A session starts at the top of the page, with the countdown and Pause in view, wherever the last page was scrolled.
    window.scrollTo(0, 0);
    pauseButton.current?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || controller.view.value.confirming) return;
      const onControl = e.target instanceof HTMLElement && e.target.closest("button, a, input, summary");
      if (e.key === " " && !onControl) {
        e.preventDefault();
        controller.toggle();
      } else if (e.key === "ArrowRight") {
        e.preventDefault();
        controller.move("skip");
      } else if (e.key === "ArrowLeft") {
        e.preventDefault();
        controller.move("back");
      } else if (e.key === "r" || e.key === "R") {
        controller.ask("restart");
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const step = currentStep(state);
  const next = state.timeline.steps[state.index + 1];
  const paused = state.status === "paused";
  const picture = pictureForStep(view.program!, step, next);
  const steps = instructionsOf(step, view.program!);
  return (
    <section class="player" aria-labelledby="exercise-name" data-step-index={state.index} data-status={state.status}>
      <p class="sr-only" aria-live="polite" data-testid="announcer">
        {announcementOf(state)}
      </p>
      {view.welcomeBack && (
        <p class="card" role="status">
          Welcome back. Your session is paused where you left it. Press Resume when you are ready.
        </p>
      )}
      <h1 id="exercise-name">{step.exerciseName ?? (step.kind === "rest" ? "Rest" : "Well done")}</h1>
      <p class="phase" data-testid="phase">
        {phaseText(step)}
      </p>
      {whereText(step) && (
        <p class="where" data-testid="where">
          {whereText(step)}
        </p>
      )}
      <CountdownRing state={state} clock={controller.clock} />
      {/* Pause sits right under the countdown, so both are on screen together on the smallest phone at the largest text. */}
      <div class="controls" role="group" aria-label="Session controls">
        <button type="button" onClick={() => controller.move("back")} aria-keyshortcuts="ArrowLeft">
          Back
        </button>
        <button type="button" class="primary" ref={pauseButton} onClick={controller.toggle} aria-keyshortcuts="Space">
          {paused ? "Resume" : "Pause"}
        </button>
        <button type="button" onClick={() => controller.move("skip")} aria-keyshortcuts="ArrowRight">
          Skip
        </button>
      </div>
      {/* Restart and End session right under them, so every control is on screen during a hold, also on a laptop. */}
      <div class="controls-secondary">
        <button type="button" class="quiet" onClick={() => controller.ask("restart")} aria-keyshortcuts="R">
          Restart
        </button>
        <button type="button" class="quiet" onClick={() => controller.ask("end")}>
          End session
        </button>
      </div>
      {step.kind === "done" ? <DoneArt /> : picture && <PictureView key={`${state.index}`} {...picture} class="player-picture" />}
      {next && (
        <p class="next" data-testid="next">
          {nextText(next)}
        </p>
      )}
      {step.kind !== "done" && <p class="overall">{overallText(state)}</p>}
      {view.voiceMode && <VoiceModeLine mode={view.voiceMode} />}
      <p class="keys">Keys: Space pause or resume · ← back · → skip · R restart</p>
      {steps.length > 0 && (
        <details class="instructions card">
          <summary>How to do this step</summary>
          <ol class="steps">
            {steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </details>
      )}
      {view.confirming && <ConfirmDialog {...questions[view.confirming]} cancelLabel="Keep going" onAnswer={controller.answer} />}
    </section>
  );
}

const voiceModeText: Record<VoiceMode, string> = {
  soundtrack: "Limber’s voice is guiding you. It keeps going with the screen locked.",
  "soundtrack-and-device":
    "Beeps and most words keep going with the screen locked; a few words use this device’s voice, which needs the screen on.",
  device: "This device’s voice is guiding you. Keep the screen on to hear it.",
};

/** Says how the session is heard, so nobody puts the phone down expecting a voice that needs the screen. */
function VoiceModeLine({ mode }: { mode: VoiceMode }) {
  const s = settings.value;
  if (!s.voice && !s.sounds) return null;
  return (
    <p class="voice-mode muted" data-testid="voice-mode" data-mode={mode}>
      {voiceModeText[mode]}
    </p>
  );
}
