import { useState } from "preact/hooks";
import { TextInput } from "../components/field.tsx";
import type { DashboardAnswer } from "../api-types.ts";
import { AdherenceBars, PainSparkline } from "./glance-charts.tsx";
import { daysAgo, holdsText, showsUnder, type ClientFilter } from "./glance-text.ts";
import { when } from "../dates.ts";
import { count } from "../../core/words.ts";

type DashboardClient = DashboardAnswer["clients"][number];

/** The counts at the top: how many need attention, sessions this week, who stopped, who has no plan. */
function Summary({ summary }: { summary: DashboardAnswer["summary"] }) {
  const items = [
    { label: "need attention", value: summary.needAttention, warn: summary.needAttention > 0 },
    { label: "sessions in the last 7 days", value: summary.sessionsThisWeek, warn: false },
    { label: "stopped", value: summary.stopped, warn: summary.stopped > 0 },
    { label: "without a plan", value: summary.noPlan, warn: false },
  ];
  return (
    <dl class="glance-summary" data-testid="dashboard-summary">
      {items.map((i) => (
        <div key={i.label} class={i.warn ? "warn" : ""}>
          <dt>{i.label}</dt>
          <dd>{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What changed since the coach last looked, in a few words; nothing when nothing did. */
function newSinceText(n: DashboardClient["newSince"]): string {
  const parts = [];
  if (n.sessions > 0) parts.push(count(n.sessions, "session"));
  if (n.notes > 0) parts.push(count(n.notes, "note"));
  return parts.length ? `New: ${parts.join(", ")}` : "";
}

function ClientRow({ c, today }: { c: DashboardClient; today: string }) {
  const flagged = c.standing.flags.length > 0;
  const last = c.lastSession;
  const fresh = newSinceText(c.newSince);
  return (
    <li class="glance-row" data-flagged={flagged ? "yes" : "no"} data-testid="client-row">
      <div class="glance-head">
        <a class="glance-name" href={`#/client/${c.id}`}>
          {c.displayName}
        </a>
        <span class="glance-badges">
          {c.unreadMessages > 0 && (
            <span class="badge note" data-testid="client-note">
              {count(c.unreadMessages, "unread note")}
            </span>
          )}
          {fresh && (
            <span class="badge fresh" data-testid="client-new">
              {fresh}
            </span>
          )}
        </span>
      </div>
      {flagged && (
        <ul class="flags" aria-label={`Needs attention: ${c.displayName}`}>
          {c.standing.flags.map((f) => (
            <li key={f.kind}>
              <span class="flag-word">Needs attention:</span> {f.message}
            </li>
          ))}
        </ul>
      )}
      <div class="glance-charts">
        <figure>
          <PainSparkline sessions={c.recentSessions} />
          <figcaption>Pain, last {c.recentSessions.length || 8}</figcaption>
        </figure>
        <figure>
          <AdherenceBars weeks={c.weeks} />
          <figcaption>Plan kept, 4 weeks</figcaption>
        </figure>
      </div>
      <p class="glance-last" data-testid="client-last">
        {last
          ? `Last session: ${holdsText({ done: last.holdsDone, planned: last.holdsPlanned })}, ${daysAgo(last.day, today)}${last.painBefore !== null && last.painAfter !== null ? `; pain ${last.painBefore} → ${last.painAfter}` : ""}.`
          : "No session yet."}
        {c.programId === null && <strong> No plan yet.</strong>}
      </p>
      {c.unreadMessages > 0 && c.latestMessage?.author === "client" && (
        <p class="glance-quote" data-testid="client-quote">
          “{c.latestMessage.body}”
        </p>
      )}
    </li>
  );
}

const FILTERS: { value: ClientFilter; label: string; count: (s: DashboardAnswer["summary"]) => number }[] = [
  { value: "all", label: "All", count: (s) => s.clients },
  { value: "attention", label: "Attention", count: (s) => s.needAttention },
  { value: "no-plan", label: "No plan", count: (s) => s.noPlan },
  { value: "stopped", label: "Stopped", count: (s) => s.stopped },
];

/** Every client at a glance, most in need first, with the practice's counts above, a search and filters. */
export function Dashboard({ answer }: { answer: DashboardAnswer }) {
  const [filter, setFilter] = useState<ClientFilter>("all");
  const [search, setSearch] = useState("");
  if (answer.clients.length === 0) return <p class="muted">No clients yet. Make an invite below and give it to someone.</p>;
  const shown = answer.clients.filter((c) => showsUnder(c, filter, search));
  return (
    <>
      <Summary summary={answer.summary} />
      {answer.seenAt && <p class="muted">“New” counts what came in since your last look, {when(answer.seenAt)}.</p>}
      <div class="glance-tools">
        <TextInput id="client-search" label="Find a client" type="search" value={search} autocomplete="off" onInput={setSearch} />
        <fieldset class="choices glance-filters">
          <legend>Show clients</legend>
          {FILTERS.map((f) => (
            <label key={f.value}>
              <input type="radio" name="client-filter" checked={filter === f.value} onChange={() => setFilter(f.value)} /> {f.label}{" "}
              {f.count(answer.summary)}
            </label>
          ))}
        </fieldset>
      </div>
      <p class="sr-only" role="status">
        {shown.length} of {count(answer.clients.length, "client")} shown
      </p>
      {shown.length === 0 ? (
        <p class="muted">No client matches. Clear the search or choose “All”.</p>
      ) : (
        <ul class="client-list">
          {shown.map((c) => (
            <ClientRow key={c.id} c={c} today={answer.today} />
          ))}
        </ul>
      )}
    </>
  );
}
