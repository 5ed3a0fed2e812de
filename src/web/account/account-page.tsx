import { useState } from "preact/hooks";
import { services } from "../app-services.ts";
import { sessions } from "../app-data.ts";
import { syncNow, syncStatus } from "../sync/background-sync.ts";
import { account, callApi, problemText, signOut } from "../sync/server-api.ts";
import { AccountField as Field, ForgotPassword, FormProblem } from "../components/account-field.tsx";
import "./account.css";

function SignInForm() {
  const [mode, setMode] = useState<"sign-in" | "sign-up">("sign-in");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [message, setMessage] = useState("");
  async function submit(e: Event) {
    e.preventDefault();
    setMessage("");
    try {
      const body = mode === "sign-up" ? { email, password, displayName } : { email, password };
      const r = await callApi("POST", `/api/auth/${mode}`, body);
      if (r.status === 200 || r.status === 201) void syncNow(services().store);
      else setMessage(problemText(r));
    } catch {
      setMessage("Cannot reach the server. Your sessions are kept on this device and will be sent once you are signed in.");
    }
  }
  return (
    <section class="card" aria-labelledby="account-form">
      <h2 id="account-form">{mode === "sign-in" ? "Sign in" : "Create an account"}</h2>
      <p class="muted">Signing in keeps your sessions and progress safe on the server and brings them to your other devices.</p>
      <form onSubmit={(e) => void submit(e)}>
        {mode === "sign-up" && <Field id="name" label="Your name" type="text" value={displayName} autocomplete="name" onInput={setDisplayName} />}
        <Field id="email" label="Email" type="email" value={email} autocomplete="email" onInput={setEmail} />
        <Field
          id="password"
          label={mode === "sign-up" ? "Password (at least 10 characters)" : "Password"}
          type="password"
          value={password}
          autocomplete={mode === "sign-up" ? "new-password" : "current-password"}
          onInput={setPassword}
        />
        <FormProblem message={message} />
        <button type="submit" class="primary">
          {mode === "sign-in" ? "Sign in" : "Create account"}
        </button>{" "}
        <button type="button" onClick={() => setMode(mode === "sign-in" ? "sign-up" : "sign-in")}>
          {mode === "sign-in" ? "I am new here" : "I already have an account"}
        </button>
      </form>
      {mode === "sign-in" && <ForgotPassword />}
    </section>
  );
}

function PasswordChange() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [message, setMessage] = useState("");
  async function submit(e: Event) {
    e.preventDefault();
    const r = await callApi("POST", "/api/auth/password", { currentPassword: current, newPassword: next });
    setMessage(r.status === 200 ? "Password changed. Other devices will need to sign in again." : problemText(r));
  }
  return (
    <section class="card" aria-labelledby="password-change">
      <h2 id="password-change">Change password</h2>
      <form onSubmit={(e) => void submit(e)}>
        <Field id="current-password" label="Current password" type="password" value={current} autocomplete="current-password" onInput={setCurrent} />
        <Field id="new-password" label="New password (at least 10 characters)" type="password" value={next} autocomplete="new-password" onInput={setNext} />
        {message && <p role="status">{message}</p>}
        <button type="submit">Change password</button>
      </form>
    </section>
  );
}

function DeleteAccount() {
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState("");
  async function submit(e: Event) {
    e.preventDefault();
    if (!window.confirm("Delete your account and every session stored on the server? This cannot be undone.")) return;
    const r = await callApi("DELETE", "/api/account", { password });
    if (r.status === 204) account.value = null;
    else setMessage(problemText(r));
  }
  return (
    <section class="card" aria-labelledby="delete-account">
      <h2 id="delete-account">Delete account</h2>
      <p class="muted">Download your data first if you want to keep it. Sessions on this device stay here.</p>
      <form onSubmit={(e) => void submit(e)}>
        <Field id="delete-password" label="Password" type="password" value={password} autocomplete="current-password" onInput={setPassword} />
        {message && <p role="alert">{message}</p>}
        <button type="submit">Delete my account and data</button>
      </form>
    </section>
  );
}

/**
 * Fetches an export and hands it to the browser as a file. A fetch, not a link, so the service
 * worker's page fallback can never answer in the file's place.
 */
async function download(path: string, name: string): Promise<void> {
  const res = await fetch(path, { credentials: "same-origin", cache: "no-store" });
  if (!res.ok) return;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const statusText = { idle: "All sessions are saved on the server.", syncing: "Sending sessions…", offline: "Offline: sessions wait on this device and are sent later.", "signed-out": "Not signed in." };

/** Sign in or up; once signed in: sync status, downloads, password change, sign out and account deletion. */
export default function AccountPage() {
  const me = account.value;
  const pending = sessions.value.filter((s) => s.syncState === "pending").length;
  return (
    <>
      <h1>Account</h1>
      {me ? (
        <>
          <section class="card" aria-labelledby="signed-in">
            <h2 id="signed-in">Signed in as {me.displayName}</h2>
            <p>{me.email}</p>
            <p role="status" data-testid="sync-status">
              {statusText[syncStatus.value]} {pending > 0 && `${pending} waiting on this device.`}
            </p>
            <p>
              <button type="button" onClick={() => void download("/api/account/export.json", "limber-export.json")}>
                Download all my data (JSON)
              </button>{" "}
              <button type="button" onClick={() => void download("/api/account/export.csv", "limber-sessions.csv")}>
                Sessions as a spreadsheet (CSV)
              </button>
            </p>
            <button type="button" onClick={() => void signOut()}>
              Sign out
            </button>
          </section>
          <PasswordChange />
          <DeleteAccount />
        </>
      ) : (
        <SignInForm />
      )}
    </>
  );
}
