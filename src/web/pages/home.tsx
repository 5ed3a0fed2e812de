import { compileTimeline } from "../../core/timeline.ts";
import type { SessionLog } from "../../core/session-log.ts";
import { activeSession, progress, sessions } from "../app-data.ts";
import { services } from "../app-services.ts";
import { longDayText } from "../dates.ts";
import { pictureForExercise } from "../../core/poses/choose-picture.ts";
import { LazyPicture } from "../illustrations/lazy-picture.tsx";
import { todaysProgram } from "../programs.ts";
import { hrefOf } from "../router.ts";
import { localDay, streakDays } from "../session/streak.ts";
import { PlanDayLine, useCoachPlan } from "../coaching/today-reminder.tsx";
import { count, plural } from "../../core/words.ts";

function when(log: SessionLog, nowMs: number): string {
  const day = localDay(Date.parse(log.startedAt));
  if (day === localDay(nowMs)) return "Today";
  if (day === localDay(nowMs - 86_400_000)) return "Yesterday";
  return longDayText(day);
}

/**
 * Today: the program (the coach's, when a coach set a plan), one big Start, and how the last
 * sessions went.
 */
export default function HomePage() {
  const { clock, persistent } = services();
  const plan = useCoachPlan();
  const program = todaysProgram;
  const ownProgram = !plan || plan.programId === program.id;
  const timeline = compileTimeline(program, progress.value ?? null);
  const minutes = ownProgram ? Math.round(timeline.totalSeconds / 60) : plan.minutes;
  const logs = sessions.value.map((s) => s.log);
  const last = logs[logs.length - 1];
  const now = clock.wallNow();
  const streak = streakDays(logs, now);
  const resuming = activeSession.value !== undefined;
  return (
    <>
      <h1>Today’s stretches</h1>
      <section class="card" aria-labelledby="program-title">
        <h2 id="program-title">{plan ? plan.title : program.title}</h2>
        {plan && <PlanDayLine plan={plan} />}
        <p class="muted">
          About {count(minutes, "minute")}
          {ownProgram && ` · ${count(program.exercises.length, "exercise")} · ${count(timeline.holdCount, "hold")}`}
        </p>
        <a
          class="button primary big"
          href={resuming || !plan ? hrefOf("play") : `${hrefOf("play")}?program=${encodeURIComponent(plan.programId)}`}
        >
          {resuming ? "Continue your session" : "Start session"}
        </a>
        {ownProgram && (
          <p class="after-start">
            <a href={hrefOf("exercises")}>How each stretch is done</a>
          </p>
        )}
      </section>
      <dl class="stats" aria-label="Your sessions">
        <div>
          <dt>Last session</dt>
          <dd data-testid="last-session">
            {last ? `${when(last, now)}${last.completed ? ", completed" : ", stopped early"}` : "None yet"}
          </dd>
        </div>
        <div>
          <dt>Streak</dt>
          <dd data-testid="streak">{streak === 0 ? "None yet" : `${count(streak, "day")}${plural(streak, "", " in a row")}`}</dd>
        </div>
        {last && last.painBefore !== null && last.painAfter !== null && (
          <div>
            <dt>Back pain last time</dt>
            <dd>
              {last.painBefore} before → {last.painAfter} after
            </dd>
          </div>
        )}
      </dl>
      <section class="card" aria-label="About today’s program" style={{ marginTop: "1rem" }}>
        {ownProgram && program.exercises[0] && pictureForExercise(program.exercises[0]) && (
          <LazyPicture id={pictureForExercise(program.exercises[0])!} side={program.exercises[0].firstSide} mode="start" />
        )}
        {ownProgram && <p>{program.summary}</p>}
        <p class="muted">A calm voice tells you each step, so you can keep the phone on the floor beside you.</p>
      </section>
      {!persistent && (
        <p class="card safety" role="status">
          This browser is not letting Limber save to the device, so sessions will be forgotten when you close it.
        </p>
      )}
      <p class="muted" style={{ marginTop: "1rem" }}>
        New here? Read <a href={hrefOf("learn")}>why feet matter for the back</a> and the <a href={hrefOf("learn")}>safety notes</a> first.
      </p>
    </>
  );
}
