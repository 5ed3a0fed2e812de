import { useEffect, useState } from "preact/hooks";
import { services } from "../app-services.ts";
import { segments } from "../coaching/hash-params.ts";
import { AccountField, FormProblem } from "../components/account-field.tsx";
import { syncNow } from "../sync/background-sync.ts";
import { timeText } from "../dates.ts";
import { account, callApi, problemText, refreshAccount } from "../sync/server-api.ts";

type Holder = { displayName: string; email: string; expiresAt: string };
type Stage =
  { kind: "checking" } | { kind: "ready"; holder: Holder } | { kind: "refused"; message: string } | { kind: "done"; name: string };

const ASK_AGAIN = 'A new link is asked for under "Forgot your password?" on the Account page, or from the person who runs your Limber.';

/** Setting a new password from a one-time link the server's operator made with `limber reset-link`. */
export default function ResetPage() {
  const token = segments.value[0] ?? "";
  const [stage, setStage] = useState<Stage>({ kind: "checking" });
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [message, setMessage] = useState("");

  useEffect(() => {
    if (!token) {
      setStage({ kind: "refused", message: `This page needs the whole link you were given. ${ASK_AGAIN}` });
      return;
    }
    void (async () => {
      try {
        // Learn this browser's session first, if any: its CSRF token must go with the requests.
        await refreshAccount();
        const r = await callApi<Holder>("POST", "/api/auth/reset/check", { token });
        setStage(r.status === 200 ? { kind: "ready", holder: r.body } : { kind: "refused", message: `${problemText(r)} ${ASK_AGAIN}` });
      } catch {
        setStage({ kind: "refused", message: "Cannot reach the server. Check your connection, then open the link again." });
      }
    })();
  }, [token]);

  async function submit(e: Event) {
    e.preventDefault();
    setMessage("");
    if (password !== again) {
      setMessage("The two passwords are not the same. Type the new password twice, exactly alike.");
      return;
    }
    try {
      const r = await callApi<{ account: { displayName: string } }>("POST", "/api/auth/reset", { token, newPassword: password });
      if (r.status === 200) {
        // The link is spent: take it out of the address bar and the browser history.
        history.replaceState(null, "", "#/reset");
        setStage({ kind: "done", name: r.body.account.displayName });
        void syncNow(services().store);
      } else if (r.status === 400) setMessage(problemText(r));
      else setStage({ kind: "refused", message: `${problemText(r)} ${ASK_AGAIN}` });
    } catch {
      setMessage("Cannot reach the server. Nothing was changed; try again when you are online.");
    }
  }

  const other = account.value;
  return (
    <>
      <h1>Set a new password</h1>
      {stage.kind === "checking" && <p class="loading">Checking your link…</p>}
      {stage.kind === "refused" && (
        <section class="card safety" role="alert">
          <p>{stage.message}</p>
        </section>
      )}
      {stage.kind === "done" && (
        <section class="card" role="status">
          <h2>Your new password is set</h2>
          <p>You are signed in as {stage.name}. Any other phone or computer that was signed in will ask for the new password.</p>
          <p>
            <a class="button primary" href="#/">
              Go to today's session
            </a>
          </p>
        </section>
      )}
      {stage.kind === "ready" && (
        <form class="card" onSubmit={(e) => void submit(e)} aria-labelledby="reset-for">
          <h2 id="reset-for">For {stage.holder.displayName}</h2>
          <p class="reset-email">{stage.holder.email}</p>
          <p class="muted">This link works once, until {timeText(stage.holder.expiresAt)}. Your sessions and progress stay as they are.</p>
          {other && other.email !== stage.holder.email && (
            <p>This device is signed in as {other.displayName}; setting this password signs them out here.</p>
          )}
          <AccountField
            id="reset-password"
            label="New password (at least 10 characters)"
            type="password"
            value={password}
            autocomplete="new-password"
            onInput={setPassword}
          />
          <AccountField
            id="reset-again"
            label="The same new password again"
            type="password"
            value={again}
            autocomplete="new-password"
            onInput={setAgain}
          />
          <FormProblem message={message} />
          <button type="submit" class="primary">
            Set password and sign in
          </button>
        </form>
      )}
    </>
  );
}
