import { useState } from "preact/hooks";
import { services } from "../app-services.ts";
import { syncNow } from "../sync/background-sync.ts";
import { account, callApi, problemText } from "../sync/server-api.ts";
import type { CoachContact } from "./coaching-api.ts";
import { segments } from "./hash-params.ts";
import { AccountField, ForgotPassword, FormProblem } from "../components/account-field.tsx";
import "./coaching.css";

function SignUpOrIn() {
  const [mode, setMode] = useState<"sign-up" | "sign-in">("sign-up");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState("");
  async function submit(e: Event) {
    e.preventDefault();
    const body = mode === "sign-up" ? { displayName: name, email, password } : { email, password };
    const r = await callApi("POST", `/api/auth/${mode}`, body);
    if (r.status === 200 || r.status === 201) void syncNow(services().store);
    else setMessage(problemText(r));
  }
  return (
    <form class="card" onSubmit={(e) => void submit(e)} aria-labelledby="join-account">
      <h2 id="join-account">{mode === "sign-up" ? "First, make your account" : "First, sign in"}</h2>
      {mode === "sign-up" && <AccountField id="join-name" label="Your name" type="text" value={name} autocomplete="name" onInput={setName} />}
      <AccountField id="join-email" label="Email" type="email" value={email} autocomplete="email" onInput={setEmail} />
      <AccountField
        id="join-password"
        label={mode === "sign-up" ? "Password (at least 10 characters)" : "Password"}
        type="password"
        value={password}
        autocomplete={mode === "sign-up" ? "new-password" : "current-password"}
        onInput={setPassword}
      />
      <FormProblem message={message} />
      <button type="submit" class="primary">
        {mode === "sign-up" ? "Create account" : "Sign in"}
      </button>{" "}
      <button type="button" onClick={() => setMode(mode === "sign-up" ? "sign-in" : "sign-up")}>
        {mode === "sign-up" ? "I already have an account" : "I am new here"}
      </button>
      {mode === "sign-in" && <ForgotPassword />}
    </form>
  );
}

/** Joining a coach's practice with an invite link or code; says plainly what the coach will see. */
export default function JoinPage() {
  const me = account.value;
  const [code, setCode] = useState(segments.value[0] ?? "");
  const [joined, setJoined] = useState<CoachContact | null>(null);
  const [message, setMessage] = useState("");
  async function join(e: Event) {
    e.preventDefault();
    const r = await callApi<{ coach: CoachContact }>("POST", "/api/invites/accept", { code });
    if (r.status === 200) setJoined(r.body.coach);
    else setMessage(problemText(r));
  }
  return (
    <>
      <h1>Join your coach</h1>
      {joined ? (
        <section class="card" role="status">
          <h2>You joined {joined.practice}</h2>
          <p>
            {joined.coachName} can now see your sessions, pain scores and notes, and set your plan. Your earlier sessions came with you.
          </p>
          <p>
            <a class="button primary" href="#/plan">
              See my plan
            </a>
          </p>
        </section>
      ) : (
        <>
          <p>When you join, your coach sees your sessions, your pain scores before and after, and any notes you send. Nobody else does. You can stop sharing at any time from My plan.</p>
          {!me ? (
            <SignUpOrIn />
          ) : (
            <form class="card" onSubmit={(e) => void join(e)}>
              <p class="field">
                <label for="join-code">Invite code</label>
                <input id="join-code" value={code} autocomplete="off" onInput={(e) => setCode(e.currentTarget.value)} required />
              </p>
              {message && <p role="alert">{message}</p>}
              <button type="submit" class="primary big">
                Join
              </button>
            </form>
          )}
        </>
      )}
    </>
  );
}
