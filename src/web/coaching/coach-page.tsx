import { useEffect, useState } from "preact/hooks";
import { services } from "../app-services.ts";
import { localDay } from "../session/streak.ts";
import type { DashboardAnswer } from "../api-types.ts";
import { account, callApi, NetworkError, problemText } from "../sync/server-api.ts";
import { Dashboard } from "./dashboard.tsx";
import { InvitePanel } from "./invite-panel.tsx";
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

/** The coach's home: invite clients and see, first, the ones who need attention. */
export default function CoachPage() {
  const me = account.value;
  const [answer, setAnswer] = useState<DashboardAnswer | null>(null);
  const [practice, setPractice] = useState("your practice");
  const [problem, setProblem] = useState("");
  useEffect(() => {
    if (me?.role !== "coach") return;
    setProblem("");
    let shown = false;
    void callApi<{ name: string }>("GET", "/api/organisation").then(
      (r) => r.status === 200 && setPractice(r.body.name),
      () => undefined,
    );
    callApi<DashboardAnswer>("GET", `/api/clients?today=${localDay(services().clock.wallNow())}`).then(
      (r) => {
        if (r.status !== 200) return setProblem(`Your clients could not be loaded. ${problemText(r)}`);
        setAnswer(r.body);
        shown = true;
      },
      (error: unknown) => {
        if (!(error instanceof NetworkError)) console.error("limber: the dashboard failed:", error);
        setProblem(
          `Your clients could not be loaded (${error instanceof NetworkError ? "the server is out of reach" : String(error)}). Reload the page to try again.`,
        );
      },
    );
    // Once the coach moves on from what was new (to a client, say), the next look counts from then;
    // a reload keeps showing it.
    return () => {
      if (shown) void callApi("POST", "/api/clients/seen").catch(() => undefined);
    };
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
      <section aria-labelledby="dashboard-title">
        <h2 id="dashboard-title" class="sr-only">
          How they are doing
        </h2>
        {problem ? <FormProblem message={problem} /> : answer === null ? <p class="loading">Loading…</p> : <Dashboard answer={answer} />}
      </section>
      <InvitePanel practice={practice} />
      <p>
        <a class="button" href="#/editor">
          Programs: make or change one
        </a>
      </p>
      <Practice />
    </>
  );
}
