import { useEffect, useRef, useState } from "preact/hooks";
import { addDays } from "../../core/calendar-date.ts";
import type { PainPoint } from "../../core/history.ts";
import type { HistoryAnswer } from "../api-types.ts";
import { account, callApi } from "../sync/server-api.ts";
import "./history.css";

/** Today's date on this device, as YYYY-MM-DD. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function Calendar({ days, today }: { days: string[]; today: string }) {
  const practised = new Set(days);
  const cells = Array.from({ length: 28 }, (_, i) => addDays(today, i - 27));
  return (
    <ol class="calendar" aria-label="The last four weeks">
      {cells.map((d) => (
        <li key={d} data-practised={practised.has(d) ? "yes" : "no"} title={d}>
          <span class="sr-only">
            {d}: {practised.has(d) ? "practised" : "no session"}
          </span>
          <span aria-hidden="true">{Number(d.slice(8))}</span>
        </li>
      ))}
    </ol>
  );
}

export function PainChart({ points }: { points: PainPoint[] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current || points.length < 2) return;
    let destroy: (() => void) | undefined;
    let cancelled = false;
    void import("./pain-chart.ts").then((m) => {
      if (!cancelled && host.current) destroy = m.drawPainChart(host.current, points);
    });
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [points]);
  if (points.length < 2) return <p class="muted">Rate your pain before and after a few sessions to see a chart here.</p>;
  return <div ref={host} class="pain-chart" role="img" aria-label="Pain before and after each session, over time" />;
}

/** Days practised, streak, how well the plan was kept and how pain has moved, from the server. */
export default function HistoryPage() {
  const [history, setHistory] = useState<HistoryAnswer | null>(null);
  const [problem, setProblem] = useState("");
  const signedIn = account.value;
  useEffect(() => {
    if (!signedIn) return;
    callApi<HistoryAnswer>("GET", `/api/history?today=${localToday()}&weeks=12`)
      .then((r) => (r.status === 200 ? setHistory(r.body) : setProblem("Could not load your history.")))
      .catch(() => setProblem("Offline: your history shows once the server can be reached."));
  }, [signedIn]);
  if (!signedIn) {
    return (
      <>
        <h1>History</h1>
        <p>
          <a href="#/account">Sign in</a> to keep your sessions on the server and see your history here.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>History</h1>
      {problem && <p role="status">{problem}</p>}
      {history && (
        <>
          <section class="card" aria-labelledby="history-summary">
            <h2 id="history-summary">How it is going</h2>
            <p class="lead" data-testid="pain-summary">
              {history.summary}
            </p>
            <dl class="stats">
              <div>
                <dt>Streak</dt>
                <dd>{history.streak === 1 ? "1 day" : `${history.streak} days`}</dd>
              </div>
              <div>
                <dt>Plan kept (12 weeks)</dt>
                <dd>{Math.round(history.adherence.rate * 100)}%</dd>
              </div>
              <div>
                <dt>Sessions</dt>
                <dd>{history.sessions}</dd>
              </div>
            </dl>
            <p class="muted">Your plan: {history.planDaysPerWeek} days a week.</p>
          </section>
          <section class="card" aria-labelledby="history-calendar">
            <h2 id="history-calendar">Days practised</h2>
            <Calendar days={history.days} today={history.today} />
          </section>
          <section class="card" aria-labelledby="history-pain">
            <h2 id="history-pain">Pain before and after</h2>
            <PainChart points={history.pain} />
          </section>
        </>
      )}
    </>
  );
}
