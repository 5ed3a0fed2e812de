import { useEffect, useState } from "preact/hooks";
import { services } from "../app-services.ts";
import { localDay } from "../session/streak.ts";
import { account, callApi, problemText } from "../sync/server-api.ts";
import { CalendarFeedPanel } from "./calendar-feed-panel.tsx";
import { scheduleText, type MyPlan } from "./coaching-api.ts";
import { CoachConversation } from "./note-to-coach.tsx";
import { PrescriptionForm } from "./prescription-form.tsx";
import { rememberPlan } from "./planned-session.ts";
import "./coaching.css";

/** Stops sharing with the coach: the person's records come with them into an account of their own. */
function StopSharing({ coachName, onLeft }: { coachName: string; onLeft: () => void }) {
  const [message, setMessage] = useState("");
  async function leave() {
    if (
      !window.confirm(
        `Stop sharing with ${coachName}? They will no longer see your sessions, pain scores or notes, and the plan they set ends. Your records stay in your account.`,
      )
    )
      return;
    const r = await callApi("POST", "/api/practice/leave");
    if (r.status === 200) onLeft();
    else setMessage(problemText(r));
  }
  return (
    <section class="card" aria-labelledby="stop-sharing">
      <h2 id="stop-sharing">Stop sharing with {coachName}</h2>
      <p class="muted">Your sessions, progress and notes stay yours. You can join a coach again later with a new invite.</p>
      {message && <p role="alert">{message}</p>}
      <button type="button" onClick={() => void leave()}>
        Stop sharing with my coach
      </button>
    </section>
  );
}

/** The person's own plan: their coach, what to do and when, calendar reminders and notes to the coach. */
export default function PlanPage() {
  const me = account.value;
  const [plan, setPlan] = useState<MyPlan | null>(null);
  const today = localDay(services().clock.wallNow());
  async function load() {
    const r = await callApi<MyPlan>("GET", "/api/prescription");
    if (r.status === 200) {
      setPlan(r.body);
      await rememberPlan(r.body);
    }
  }
  useEffect(() => {
    if (me) void load();
  }, [me?.id]);
  if (!me) {
    return (
      <>
        <h1>My plan</h1>
        <p>
          <a href="#/account">Sign in</a> to keep a plan, get calendar reminders and, if you have one, hear from your coach. Have an invite
          from a coach? Open its link, or <a href="#/join">enter the code</a>.
        </p>
      </>
    );
  }
  if (!plan) return <p class="loading">Loading…</p>;
  const { prescription, program, coach } = plan;
  return (
    <>
      <h1>My plan</h1>
      {coach && (
        <section class="card" aria-labelledby="coach-title">
          <h2 id="coach-title">Your coach</h2>
          <p data-testid="coach-name">
            {coach.coachName}, {coach.practice}
          </p>
          <p>
            <a href={`mailto:${coach.email}`}>{coach.email}</a>
          </p>
          {coach.contact && <p style={{ whiteSpace: "pre-line" }}>{coach.contact}</p>}
        </section>
      )}
      <section class="card" aria-labelledby="current-plan">
        <h2 id="current-plan">What to do</h2>
        {prescription && program ? (
          <>
            <p data-testid="plan-summary">
              {program.title}: {scheduleText(prescription.schedule)}.
            </p>
            {prescription.note && <p class="lead">“{prescription.note}”</p>}
            <p class="form-actions">
              <a class="button primary" href={`#/play?program=${encodeURIComponent(program.id)}`}>
                Start a session
              </a>
              <a class="button" href="#/handout">
                Printable handout
              </a>
            </p>
          </>
        ) : (
          <p class="muted">{coach ? "Your coach has not set a plan yet." : "No plan yet. Choose one below; you can change it any time."}</p>
        )}
      </section>
      {!coach && (
        <section class="card" aria-labelledby="own-plan">
          <h2 id="own-plan">{prescription ? "Change my plan" : "Set my plan"}</h2>
          <PrescriptionForm path="/api/prescription" current={prescription} today={today} onSaved={() => void load()} />
        </section>
      )}
      {coach && <CoachConversation coachName={coach.coachName} />}
      <CalendarFeedPanel />
      {coach && <StopSharing coachName={coach.coachName} onLeft={() => void load()} />}
      {!coach && (
        <p class="muted">
          Have an invite from a coach? <a href="#/join">Enter the code</a>.
        </p>
      )}
    </>
  );
}
