import { useEffect, useRef, useState } from "preact/hooks";
import { createPlayer, currentStep, type PlayerState } from "../../core/player.ts";
import { compileTimeline, type Step } from "../../core/timeline.ts";
import { activeSession, progress, sessions, settings } from "../app-data.ts";
import { services } from "../app-services.ts";
import { CountdownRing } from "../components/countdown-ring.tsx";
import { PainRating } from "../components/pain-rating.tsx";
import { DoneArt, ExerciseArt } from "../illustrations/exercise-art.tsx";
import { programById, todaysProgram } from "../programs.ts";
import { hrefOf } from "../router.ts";
import { thawPlayer, type ActiveSession } from "../session/active-session.ts";
import { announcementOf, guideSession, type GuidedSession } from "../session/guided-session.ts";
import { progressAfterSession, sessionLogOf } from "../session/session-record.ts";
import type { SessionLog } from "../../core/session-log.ts";
import type { Program } from "../../core/program.ts";
import type { ProgressState } from "../../core/progress.ts";
import { programIdInHash, programToPlay } from "../import/program-to-play.ts";

type Stage = "pain-before" | "playing" | "pain-after" | "summary";

const sideText = (step: Step) => (step.side === null ? "Both feet" : step.side === "left" ? "Left foot" : "Right foot");

function phaseText(step: Step): string {
  switch (step.kind) {
    case "hold":
      return step.phaseName ?? "Hold";
    case "prepare":
      return "Get into position";
    case "switch-side":
      return "Switch sides";
    case "release":
      return "Ease off";
    case "rest":
      return "Rest";
    case "done":
      return "Session complete";
  }
}

function whereText(step: Step): string {
  if (step.kind === "hold" && step.rep !== null && step.reps !== null) return `${sideText(step)} · ${step.rep} of ${step.reps}`;
  if (step.exerciseId === null) return "";
  return sideText(step);
}

function instructionsOf(step: Step, program: Program): string[] {
  const ex = program.exercises.find((e) => e.id === step.exerciseId);
  if (!ex) return [];
  if (step.kind === "hold") return ex.phases.find((p) => p.id === step.phaseId)?.instructions ?? [];
  if (step.kind === "prepare" || step.kind === "switch-side") return ex.setup;
  return [];
}

/** Where the session stands as a whole, to the minute: enough to know how long is left. */
function overallText(state: PlayerState): string {
  const steps = state.timeline.steps;
  const counted = steps.filter((s) => s.kind !== "done").length;
  const left = Math.max(1, Math.ceil((state.timeline.totalSeconds - currentStep(state).offset) / 60));
  return `Step ${state.index + 1} of ${counted} · about ${left} min left`;
}

/** The guided session: pain question, the running step, pain question again, a short summary. */
export default function PlayerPage() {
  const svc = services();
  const restored = useRef<ActiveSession | undefined>(activeSession.value);
  const [stage, setStage] = useState<Stage>(() => restored.current?.stage ?? "pain-before");
  const [state, setState] = useState<PlayerState | null>(() =>
    restored.current ? thawPlayer(restored.current.player, restored.current.frozenAt, svc.clock.now()) : null,
  );
  const [welcomeBack, setWelcomeBack] = useState(Boolean(restored.current && restored.current.stage === "playing"));
  const [finishedLog, setFinishedLog] = useState<SessionLog | null>(null);
  const guide = useRef<GuidedSession | null>(null);
  const pauseButton = useRef<HTMLButtonElement>(null);
  const meta = useRef(restored.current ? { ...restored.current } : null);
  // Today's program unless the session in progress or the link ("#/play?program=id") names another.
  const [chosen, setChosen] = useState<{ program: Program; progress: ProgressState | undefined } | null>(null);
  useEffect(() => {
    void programToPlay(restored.current?.programId ?? programIdInHash(location.hash)).then(async (program) =>
      setChosen({ program, progress: program.id === todaysProgram.id ? undefined : await svc.store.getProgress(program.id) }),
    );
  }, []);
  const program = chosen?.program ?? todaysProgram;
  const progressBefore = () => (program.id === todaysProgram.id ? progress.value : chosen?.progress);

  function begin(player: PlayerState, m: NonNullable<typeof meta.current>) {
    guide.current?.stop();
    meta.current = m;
    guide.current = guideSession({
      services: svc,
      player,
      meta: { id: m.id, programId: m.programId, painBefore: m.painBefore, startedWall: m.startedWall },
      settings: () => settings.value,
      onState: (s) => {
        setState(s);
        if (s.status === "finished") setStage("pain-after");
      },
      onSaved: (a) => (activeSession.value = a),
    });
  }

  useEffect(() => {
    if (restored.current && restored.current.stage === "playing" && state) begin(state, restored.current);
    return () => {
      const g = guide.current;
      if (g && g.state.status !== "finished") void g.save();
      g?.stop();
    };
  }, []);

  function startSession(painBefore: number | null) {
    svc.sound.unlock();
    const player = createPlayer(compileTimeline(program, progressBefore() ?? null));
    begin(player, {
      id: crypto.randomUUID(),
      programId: program.id,
      painBefore,
      startedWall: svc.clock.wallNow(),
      stage: "playing",
      player,
      frozenAt: 0,
    });
    setStage("playing");
    guide.current!.send({ type: "start" });
  }

  async function finishSession(painAfter: number | null) {
    const m = meta.current ?? activeSession.value;
    const player = guide.current?.state ?? state;
    if (!m || !player) return;
    // Progress moves only with the program that was played; if it cannot be found, the log is still kept.
    const played = program.id === m.programId ? program : programById(m.programId);
    // The session ended when its last step did, not when the pain question was answered.
    const answeredAfter = player.finishedAt === null ? 0 : Math.max(0, svc.clock.now() - player.finishedAt);
    const log = sessionLogOf({
      id: m.id,
      player,
      startedWall: m.startedWall,
      endedWall: svc.clock.wallNow() - answeredAfter,
      painBefore: m.painBefore,
      painAfter,
    });
    const next = played ? progressAfterSession(played, played.id === todaysProgram.id ? progress.value : chosen?.progress, log) : null;
    guide.current?.stop();
    guide.current = null;
    await svc.store.finishSession(log, next);
    if (next && played?.id === todaysProgram.id) progress.value = next;
    activeSession.value = undefined;
    sessions.value = await svc.store.listSessions();
    setFinishedLog(log);
    setStage("summary");
  }

  useEffect(() => {
    // The pain question that had focus is gone: put keyboard and screen-reader users on the
    // main control, from where Space pauses and the arrows skip.
    if (stage === "playing") pauseButton.current?.focus({ preventScroll: true });
  }, [stage]);

  useEffect(() => {
    if (stage !== "playing") return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const onControl = e.target instanceof HTMLElement && e.target.closest("button, a, input, summary");
      const g = guide.current;
      if (!g) return;
      if (e.key === " " && !onControl) {
        e.preventDefault();
        toggle();
      } else if (e.key === "ArrowRight") {
        e.preventDefault();
        g.send({ type: "skip" });
      } else if (e.key === "ArrowLeft") {
        e.preventDefault();
        g.send({ type: "back" });
      } else if (e.key === "r" || e.key === "R") {
        g.send({ type: "restart" });
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [stage]);

  function toggle() {
    const g = guide.current;
    if (!g) return;
    svc.sound.unlock();
    setWelcomeBack(false);
    g.send({ type: g.state.status === "paused" ? "resume" : "pause" });
  }

  if (stage === "pain-before") {
    if (!chosen) return <p class="loading">Loading…</p>;
    return (
      <PainRating
        question="How does your back feel right now?"
        hint={`${program.id === todaysProgram.id ? "" : `${program.title}. `}Pick a number from 0 (no pain) to 10 (the worst you can imagine). Your session starts straight after.`}
        skipLabel="Skip and start"
        onAnswer={startSession}
      />
    );
  }
  if (stage === "pain-after") {
    return (
      <PainRating
        question="Well done. How does your back feel now?"
        hint="The same scale as before: 0 is no pain, 10 is the worst you can imagine."
        skipLabel="Skip"
        onAnswer={(n) => void finishSession(n)}
      />
    );
  }
  if (stage === "summary" && finishedLog) return <Summary log={finishedLog} />;
  if (!state) return null;

  const step = currentStep(state);
  const next = state.timeline.steps[state.index + 1];
  const paused = state.status === "paused";
  const artId = step.exerciseId ?? next?.exerciseId ?? null;
  const steps = instructionsOf(step, program);
  return (
    <section class="player" aria-labelledby="exercise-name" data-step-index={state.index} data-status={state.status}>
      <p class="sr-only" aria-live="polite" data-testid="announcer">
        {announcementOf(state)}
      </p>
      {welcomeBack && (
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
      <CountdownRing state={state} clock={svc.clock} />
      {step.kind === "done" ? <DoneArt /> : <ExerciseArt exerciseId={artId} />}
      {next && (
        <p class="next" data-testid="next">
          Next: {next.title}
        </p>
      )}
      {step.kind !== "done" && <p class="overall">{overallText(state)}</p>}
      <div class="controls" role="group" aria-label="Session controls">
        <button type="button" onClick={() => guide.current?.send({ type: "back" })} aria-keyshortcuts="ArrowLeft">
          Back
        </button>
        <button type="button" class="primary" ref={pauseButton} onClick={toggle} aria-keyshortcuts="Space">
          {paused ? "Resume" : "Pause"}
        </button>
        <button type="button" onClick={() => guide.current?.send({ type: "skip" })} aria-keyshortcuts="ArrowRight">
          Skip
        </button>
      </div>
      <div class="controls-secondary">
        <button type="button" class="quiet" onClick={() => guide.current?.send({ type: "restart" })} aria-keyshortcuts="R">
          Restart
        </button>
        <button type="button" class="quiet" onClick={() => guide.current?.send({ type: "finish" })}>
          End session
        </button>
      </div>
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
    </section>
  );
}

function Summary({ log }: { log: SessionLog }) {
  const held = log.holds.filter((h) => !h.skipped).length;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="card" aria-labelledby="summary-title">
      <DoneArt />
      <h1 id="summary-title" ref={heading} tabIndex={-1}>
        {log.completed ? "Session complete" : "Session saved"}
      </h1>
      <p class="lead">
        {held} of {log.holds.length} holds done.
        {log.painBefore !== null && log.painAfter !== null ? ` Back pain ${log.painBefore} before, ${log.painAfter} after.` : ""}
      </p>
      <p class="muted">Saved on this device.</p>
      <a class="button primary big" href={hrefOf("home")}>
        Back to today
      </a>
    </section>
  );
}
