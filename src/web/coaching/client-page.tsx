import { useEffect, useState } from "preact/hooks";
import { services } from "../app-services.ts";
import { PainChart } from "../history/history-page.tsx";
import { localDay } from "../session/streak.ts";
import { callApi, problemText } from "../sync/server-api.ts";
import { percent, scheduleText, type ClientDetail } from "./coaching-api.ts";
import { segments } from "./hash-params.ts";
import { PrescriptionForm } from "./prescription-form.tsx";
import { Conversation } from "./conversation.tsx";
import { dayText } from "../dates.ts";
import { holdsText } from "./glance-text.ts";
import { WeekCalendar, WeekCalendarKey } from "./week-calendar.tsx";
import "./coaching.css";

/** Lets the practice go of a client; the person keeps their account and everything in it. */
function RemoveClient({ id, name }: { id: string; name: string }) {
  const [message, setMessage] = useState("");
  async function remove() {
    if (
      !window.confirm(
        `Remove ${name} from your practice? You will no longer see their sessions, pain scores or notes, and their plan ends. They keep their account and their records, and can join again with a new invite.`,
      )
    )
      return;
    const r = await callApi("DELETE", `/api/clients/${encodeURIComponent(id)}`);
    if (r.status === 204) location.hash = "#/coach";
    else setMessage(problemText(r));
  }
  return (
    <section class="card" aria-labelledby="remove-title">
      <h2 id="remove-title">Stop coaching {name}</h2>
      <p class="muted">They keep their account, sessions and progress; you stop seeing them.</p>
      {message && <p role="alert">{message}</p>}
      <button type="button" onClick={() => void remove()}>
        Remove {name} from my practice
      </button>
    </section>
  );
}

/** One client, for their coach: how they are doing, their sessions and notes, and their plan. */
export default function ClientPage() {
  const id = segments.value[0] ?? "";
  const [detail, setDetail] = useState<ClientDetail | null>(null);
  const [problem, setProblem] = useState("");
  const today = localDay(services().clock.wallNow());
  async function load(isCurrent: () => boolean = () => true) {
    const r = await callApi<ClientDetail>("GET", `/api/clients/${encodeURIComponent(id)}?today=${today}&weeks=12`);
    // An answer for a client the page has since moved away from is dropped.
    if (!isCurrent()) return;
    if (r.status !== 200)
      return setProblem(r.status === 404 || r.status === 400 ? "There is no such client in your practice." : "Could not load this client.");
    setDetail(r.body);
    if (r.body.messages.some((m) => m.author === "client" && m.readAt === null))
      void callApi("POST", `/api/clients/${encodeURIComponent(id)}/messages/read`);
  }
  useEffect(() => {
    setDetail(null);
    setProblem("");
    if (!id) return;
    let current = true;
    void load(() => current);
    return () => {
      current = false;
    };
  }, [id]);
  if (problem) {
    return (
      <>
        <h1>Client</h1>
        <p role="alert">{problem}</p>
        <a href="#/coach">Back to your clients</a>
      </>
    );
  }
  if (!detail) return <p class="loading">Loading…</p>;
  const { client, standing, prescription } = detail;
  const doneDays = [...new Set(detail.sessions.map((s) => s.day))];
  return (
    <>
      <h1>{client.displayName}</h1>
      <p>
        <a href="#/coach">Back to your clients</a> · <span class="muted">{client.email}</span>
      </p>
      <section class="card" aria-labelledby="standing-title">
        <h2 id="standing-title">How it is going</h2>
        {standing.flags.length > 0 && (
          <ul class="flags">
            {standing.flags.map((f) => (
              <li key={f.kind}>
                <span class="flag-word">Needs attention:</span> {f.message}
              </li>
            ))}
          </ul>
        )}
        <p>
          Plan kept: last 7 days {percent(standing.week)}; last 28 days {percent(standing.month)}.
        </p>
        <p class="lead">{detail.painSummary}</p>
      </section>
      <section class="card" aria-labelledby="calendar-title">
        <h2 id="calendar-title">Planned and done, by week</h2>
        <WeekCalendar schedule={prescription?.schedule ?? null} doneDays={doneDays} today={today} />
        <WeekCalendarKey />
      </section>
      <section class="card" aria-labelledby="pain-title">
        <h2 id="pain-title">Pain before and after</h2>
        <PainChart points={detail.pain} reader="coach" />
      </section>
      <section class="card" aria-labelledby="notes-title">
        <h2 id="notes-title">Conversation with {client.displayName}</h2>
        <Conversation
          messages={detail.messages}
          me="coach"
          otherName={client.displayName}
          path={`/api/clients/${encodeURIComponent(client.id)}/messages`}
          label={detail.messages.some((m) => m.author === "client") ? `Answer ${client.displayName}` : `Write to ${client.displayName}`}
          onSent={() => void load()}
        />
      </section>
      <section class="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Sessions (last 12 weeks)</h2>
        {detail.sessions.length === 0 ? (
          <p class="muted">No sessions yet.</p>
        ) : (
          <ol class="session-list" reversed data-testid="session-list">
            {[...detail.sessions].reverse().map((s) => (
              <li key={s.id}>
                {dayText(s.day)}: <span class="session-holds">{holdsText(s.holds)}</span>
                {!s.completed && " (stopped early)"}
                {s.painBefore !== null && s.painAfter !== null && `, pain ${s.painBefore} → ${s.painAfter}`}
                {s.notes && ` — “${s.notes}”`}
                {/* The version matters only when it is not the one the plan has now. */}
                {s.programVersion !== prescription?.programVersion && <span class="muted"> (version {s.programVersion})</span>}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section class="card" aria-labelledby="plan-title">
        <h2 id="plan-title">Plan</h2>
        {prescription && detail.program ? (
          <p>
            {detail.program.title} (version {prescription.programVersion}): {scheduleText(prescription.schedule)}.{" "}
            <a href={`#/handout/${client.id}`}>Printable handout</a>
          </p>
        ) : (
          <p class="muted">No plan yet: choose one below.</p>
        )}
        <PrescriptionForm
          path={`/api/clients/${client.id}/prescription`}
          current={prescription}
          today={today}
          onSaved={() => void load()}
        />
      </section>
      <RemoveClient id={client.id} name={client.displayName} />
    </>
  );
}
