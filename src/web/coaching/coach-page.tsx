import { useEffect, useState } from "preact/hooks";
import { services } from "../app-services.ts";
import { localDay } from "../session/streak.ts";
import type { DashboardAnswer } from "../api-types.ts";
import { account, callApi, NetworkError, problemText } from "../sync/server-api.ts";
import { percent, type DashboardClient } from "./coaching-api.ts";
import { AccountField, FormProblem } from "../components/account-field.tsx";
import { TextArea, TextInput } from "../components/field.tsx";
import "./coaching.css";

function OpenPractice() {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState("");
  async function submit(e: Event) {
    e.preventDefault();
    const r = await callApi("POST", "/api/auth/sign-up", { displayName: name, email, password, role: "coach" });
    if (r.status !== 201) setMessage(problemText(r));
  }
  return (
    <section class="card" aria-labelledby="open-practice">
      <h2 id="open-practice">Open a practice</h2>
      <p class="muted">
        A practice lets you invite clients, give each a plan and see how they are doing. Already have an account?{" "}
        <a href="#/account">Sign in</a>.
      </p>
      <form onSubmit={(e) => void submit(e)}>
        <AccountField id="coach-name" label="Your name" type="text" value={name} autocomplete="name" onInput={setName} />
        <AccountField id="coach-email" label="Email" type="email" value={email} autocomplete="email" onInput={setEmail} />
        <AccountField
          id="coach-password"
          label="Password (at least 10 characters)"
          type="password"
          value={password}
          autocomplete="new-password"
          onInput={setPassword}
        />
        <FormProblem message={message} />
        <button type="submit" class="primary">
          Open my practice
        </button>
      </form>
    </section>
  );
}

function Practice() {
  const [name, setName] = useState("");
  const [contact, setContact] = useState("");
  const [status, setStatus] = useState("");
  useEffect(() => {
    void callApi<{ name: string; contact: string }>("GET", "/api/organisation").then((r) => {
      if (r.status === 200) (setName(r.body.name), setContact(r.body.contact));
    });
  }, []);
  async function save(e: Event) {
    e.preventDefault();
    const r = await callApi("PUT", "/api/organisation", { name, contact });
    setStatus(r.status === 200 ? "Saved. Your clients see this name and these details." : problemText(r));
  }
  return (
    <details class="card">
      <summary>Practice name and contact details</summary>
      <form onSubmit={(e) => void save(e)}>
        <TextInput
          id="practice-name"
          label="Practice name"
          hint="Your clients see it on their plan and when they join."
          value={name}
          maxLength={120}
          onInput={setName}
        />
        <TextArea
          id="practice-contact"
          label="How clients reach you"
          hint="A phone number and hours, for example."
          rows={2}
          value={contact}
          onInput={setContact}
        />
        <button type="submit">Save practice details</button>
        {status && <p role="status">{status}</p>}
      </form>
    </details>
  );
}

function Invite() {
  const [label, setLabel] = useState("");
  const [made, setMade] = useState<{ code: string; link: string; expiresAt: string } | null>(null);
  const [status, setStatus] = useState("");
  async function create(e: Event) {
    e.preventDefault();
    const r = await callApi<{ code: string; path: string; invite: { expiresAt: string } }>("POST", "/api/invites", { label });
    if (r.status !== 201) return setStatus(problemText(r));
    setMade({ code: r.body.code, link: `${location.origin}${r.body.path}`, expiresAt: r.body.invite.expiresAt });
    setLabel("");
  }
  return (
    <section class="card" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite a client</h2>
      <p class="muted">Each invite works once and for 14 days. Give the link or the code to one client, by message or on paper.</p>
      <form onSubmit={(e) => void create(e)}>
        <TextInput
          id="invite-label"
          label="Who it is for (optional)"
          hint="Only you see this."
          value={label}
          maxLength={80}
          onInput={setLabel}
        />
        <button type="submit" class="primary">
          Make an invite
        </button>
      </form>
      {status && <p role="alert">{status}</p>}
      {made && (
        <div role="status" data-testid="invite">
          <p>Invite link:</p>
          <p class="invite-link" data-testid="invite-link">
            {made.link}
          </p>
          <p>
            Or the code: <strong data-testid="invite-code">{made.code}</strong>
          </p>
          <p class="muted">
            Valid until {new Date(made.expiresAt).toLocaleDateString()}. It is shown only now; make a new one if it is lost.
          </p>
        </div>
      )}
    </section>
  );
}

function ClientRow({ c }: { c: DashboardClient }) {
  const flagged = c.standing.flags.length > 0;
  const last = c.lastSession;
  return (
    <li data-flagged={flagged ? "yes" : "no"} data-testid="client-row">
      <h3>
        <a href={`#/client/${c.id}`}>{c.displayName}</a>
      </h3>
      {flagged && (
        <ul class="flags" aria-label={`Needs attention: ${c.displayName}`}>
          {c.standing.flags.map((f) => (
            <li key={f.kind}>
              <span class="flag-word">Needs attention:</span> {f.message}
            </li>
          ))}
        </ul>
      )}
      <p>
        Plan kept: last 7 days {percent(c.standing.week)}; last 28 days {percent(c.standing.month)}.
      </p>
      <p class="muted">
        {last
          ? `Last session ${last.day}${last.completed ? "" : " (stopped early)"}${last.painBefore !== null && last.painAfter !== null ? `, pain ${last.painBefore} before → ${last.painAfter} after` : ""}.`
          : "No session yet."}
        {c.programId === null && " No plan yet."}
      </p>
      {c.unreadMessages > 0 && c.latestMessage && (
        <p data-testid="client-note">
          New note ({c.unreadMessages}): “{c.latestMessage.body}”
        </p>
      )}
    </li>
  );
}

/** The coach's home: invite clients and see, first, the ones who need attention. */
export default function CoachPage() {
  const me = account.value;
  const [clients, setClients] = useState<DashboardClient[] | null>(null);
  const [problem, setProblem] = useState("");
  useEffect(() => {
    if (me?.role !== "coach") return;
    setProblem("");
    callApi<DashboardAnswer>("GET", `/api/clients?today=${localDay(services().clock.wallNow())}`).then(
      (r) =>
        r.status === 200
          ? setClients(r.body.clients)
          : setProblem(`Your clients could not be loaded (${problemText(r)}). Reload the page to try again.`),
      (error: unknown) => {
        if (!(error instanceof NetworkError)) console.error("limber: the dashboard failed:", error);
        setProblem(
          `Your clients could not be loaded (${error instanceof NetworkError ? "the server is out of reach" : String(error)}). Reload the page to try again.`,
        );
      },
    );
  }, [me?.role]);
  if (!me) {
    return (
      <>
        <h1>For coaches</h1>
        <OpenPractice />
      </>
    );
  }
  if (me.role !== "coach") {
    return (
      <>
        <h1>For coaches</h1>
        <p>
          This part of Limber is for coaches. Your own plan and your coach’s details are on <a href="#/plan">My plan</a>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Your clients</h1>
      <p>
        <a href="#/editor">Programs: make or change one</a>
      </p>
      <Invite />
      <section aria-labelledby="dashboard-title">
        <h2 id="dashboard-title">How they are doing</h2>
        {problem ? (
          <p role="alert">{problem}</p>
        ) : clients === null ? (
          <p class="loading">Loading…</p>
        ) : clients.length === 0 ? (
          <p class="muted">No clients yet. Make an invite above and give it to someone.</p>
        ) : (
          <ul class="client-list">
            {clients.map((c) => (
              <ClientRow key={c.id} c={c} />
            ))}
          </ul>
        )}
      </section>
      <Practice />
    </>
  );
}
