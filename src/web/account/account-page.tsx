import { useState } from "preact/hooks";
import { sessions } from "../app-data.ts";
import { syncStatus } from "../sync/background-sync.ts";
import { account, callApi, problemText, signOut } from "../sync/server-api.ts";
import { AccountField as Field } from "../components/account-field.tsx";
import { SignInOrUp } from "../components/sign-in-or-up.tsx";
import { MailSettings } from "./mail-settings.tsx";

function SignInForm() {
  return (
    <SignInOrUp idPrefix="" start="sign-in" headings={{ "sign-in": "Sign in", "sign-up": "Create an account" }}>
      <p class="muted">Signing in keeps your sessions and progress safe on the server and brings them to your other devices.</p>
    </SignInOrUp>
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
        <Field
          id="current-password"
          label="Current password"
          type="password"
          value={current}
          autocomplete="current-password"
          onInput={setCurrent}
        />
        <Field
          id="new-password"
          label="New password (at least 10 characters)"
          type="password"
          value={next}
          autocomplete="new-password"
          onInput={setNext}
        />
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
        <Field
          id="delete-password"
          label="Password"
          type="password"
          value={password}
          autocomplete="current-password"
          onInput={setPassword}
        />
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

const statusText = {
  idle: "All sessions are saved on the server.",
  syncing: "Sending sessions…",
  offline: "Offline: sessions wait on this device and are sent later.",
  "signed-out": "Not signed in.",
  failed: "Something went wrong while sending. Your sessions are kept on this device and will be sent again.",
};

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
          <MailSettings coach={me.role === "coach"} />
          <PasswordChange />
          <DeleteAccount />
        </>
      ) : (
        <SignInForm />
      )}
    </>
  );
}
