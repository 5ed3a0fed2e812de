import { useEffect, useRef, useState } from "preact/hooks";
import { addDays, weekStartOf } from "../../core/calendar-date.ts";
import type { PainPoint } from "../../core/history.ts";
import type { SessionLog } from "../../core/session-log.ts";
import { count } from "../../core/words.ts";
import { changeSettings, sessions, settings } from "../app-data.ts";
import { services } from "../app-services.ts";
import { dayMonthText as dayMonth, longDayText as longDate, monthText as shortMonth } from "../dates.ts";
import { hrefOf } from "../router.ts";
import { localDay } from "../session/streak.ts";
import type { LogsAnswer } from "../api-types.ts";
import { account, callApi } from "../sync/server-api.ts";
import { historyOf, mergeLogs } from "./history-data.ts";
import "./history.css";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** The last four weeks, Monday to Sunday, with weekday names above and the month where one begins. */
function Calendar({ days, today }: { days: string[]; today: string }) {
  const practised = new Set(days);
  const first = weekStartOf(addDays(today, -27));
  const cells: string[] = [];
  for (let d = first; d <= today; d = addDays(d, 1)) cells.push(d);
  return (
    <>
      <p class="muted calendar-range">
        {dayMonth(first)} to {dayMonth(today)}
      </p>
      <div class="calendar-head" aria-hidden="true">
        {WEEKDAYS.map((w) => (
          <span key={w}>{w}</span>
        ))}
      </div>
      <ol class="calendar" aria-label={`Days practised from ${dayMonth(first)} to ${dayMonth(today)}`}>
        {cells.map((d, i) => (
          <li key={d} data-practised={practised.has(d) ? "yes" : "no"} data-today={d === today ? "yes" : undefined}>
            <span class="sr-only">
              {longDate(d)}: {practised.has(d) ? "practised" : "no session"}
            </span>
            <span aria-hidden="true">
              {i === 0 || d.endsWith("-01") ? <small>{shortMonth(d)} </small> : null}
              {Number(d.slice(8))}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}

/** Pain before and after over time; `reader` words the empty states for the person themself or their coach. */
export function PainChart({
  points,
  daysRatedAfter = 2,
  reader = "self",
}: {
  points: PainPoint[];
  daysRatedAfter?: number;
  reader?: "self" | "coach";
}) {
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
  if (points.length === 0) {
    return (
      <p class="muted">
        {reader === "self"
          ? "No pain scores yet. Rate your pain before and after a session, and after two rated sessions a chart shows here."
          : "No pain scores from this client yet. A chart shows once two sessions are rated."}
      </p>
    );
  }
  if (points.length < 2) {
    return (
      <p class="muted">
        {reader === "self"
          ? "One rated session so far. Rate your pain at one more session to see a chart here."
          : "One rated session so far. A chart shows once a second session is rated."}
      </p>
    );
  }
  return (
    <>
      <div ref={host} class="pain-chart" role="img" aria-label="Pain before and after each session, over time" />
      {daysRatedAfter < 2 && <p class="muted">A trend needs pain after sessions on two different days.</p>}
    </>
  );
}

const PLAN_CHOICES = [2, 3, 4, 5, 7];

/** The plan is the person's own: offered until they choose one, then shown with a way to change it. */
function PlanChoice({ today }: { today: string }) {
  const { store } = services();
  const plan = settings.value.plan;
  const [changing, setChanging] = useState(false);
  async function choose(daysPerWeek: number) {
    const since = plan?.since ?? today;
    await changeSettings(store, { plan: { daysPerWeek, since } });
    setChanging(false);
    if (account.value) {
      void callApi("PUT", "/api/settings", { planDaysPerWeek: daysPerWeek, since }).catch(() => undefined); // the device keeps it either way
    }
  }
  if (plan && !changing) {
    return (
      <p class="plan-line">
        Your plan: {plan.daysPerWeek === 7 ? "every day" : `${count(plan.daysPerWeek, "day")} a week`}.{" "}
        <button type="button" class="quiet" onClick={() => setChanging(true)}>
          Change
        </button>
      </p>
    );
  }
  return (
    <fieldset class="plan-choice">
      <legend>Choose how often you want to practise</legend>
      <div class="plan-buttons">
        {PLAN_CHOICES.map((n) => (
          <button key={n} type="button" aria-pressed={plan?.daysPerWeek === n} onClick={() => void choose(n)}>
            {n === 7 ? "Every day" : `${count(n, "day")} a week`}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/** The sessions of the server for the last twelve weeks when signed in; none when signed out or offline. */
function useServerLogs(today: string): { logs: SessionLog[]; problem: string } {
  const [logs, setLogs] = useState<SessionLog[]>([]);
  const [problem, setProblem] = useState("");
  const me = account.value;
  useEffect(() => {
    if (!me) {
      setLogs([]);
      return;
    }
    callApi<LogsAnswer>("GET", `/api/logs?from=${addDays(today, -7 * 12)}&to=${today}`)
      .then((r) => {
        if (r.status === 200) setLogs(r.body.logs);
        else setProblem("Your account's sessions could not be loaded just now, so only this phone's are shown.");
      })
      .catch(() => setProblem("You are offline, so only the sessions on this phone are shown."));
  }, [me?.id]);
  return { logs, problem };
}

/** Days practised, streak, how well the person's own plan was kept and how pain has moved: from this phone, and the account when signed in. */
export default function HistoryPage() {
  const { clock } = services();
  const today = localDay(clock.wallNow());
  const server = useServerLogs(today);
  const logs = mergeLogs(
    sessions.value.map((s) => s.log),
    server.logs,
  );
  const view = historyOf(logs, today, settings.value.plan, (iso) => localDay(Date.parse(iso)));
  const signedIn = Boolean(account.value);
  return (
    <>
      <h1>History</h1>
      {!signedIn && (
        <p class="muted">
          These are the sessions kept on this phone. <a href={hrefOf("account")}>Sign in</a> to keep them in your account as well.
        </p>
      )}
      {server.problem && <p role="status">{server.problem}</p>}
      {view.sessions === 0 ? (
        <section class="card" aria-labelledby="history-empty">
          <h2 id="history-empty">No sessions yet</h2>
          <p>After your first session you will see here the days you practised, your streak, and how your back felt before and after.</p>
          <a class="button primary big" href={hrefOf("play")}>
            Start a session
          </a>
        </section>
      ) : (
        <section class="card" aria-labelledby="history-summary">
          <h2 id="history-summary">How it is going</h2>
          <p class="lead" data-testid="pain-summary">
            {view.summary}
          </p>
          <dl class="stats">
            <div>
              <dt>Streak</dt>
              <dd data-testid="history-streak">{view.streak === 0 ? "None yet" : count(view.streak, "day")}</dd>
            </div>
            <div>
              <dt>Sessions</dt>
              <dd data-testid="history-sessions">{view.sessions}</dd>
            </div>
            {view.kept && (
              <div>
                <dt>Plan kept since {dayMonth(view.kept.since)}</dt>
                <dd data-testid="plan-kept">{Math.round(view.kept.rate * 100)}%</dd>
              </div>
            )}
          </dl>
        </section>
      )}
      <section class="card" aria-labelledby="history-plan">
        <h2 id="history-plan">Your plan</h2>
        <PlanChoice today={today} />
      </section>
      <section class="card" aria-labelledby="history-calendar">
        <h2 id="history-calendar">Days practised</h2>
        <Calendar days={view.days} today={today} />
      </section>
      <section class="card" aria-labelledby="history-pain">
        <h2 id="history-pain">Pain before and after</h2>
        <PainChart points={view.pain} daysRatedAfter={view.daysRatedAfter} />
      </section>
    </>
  );
}
