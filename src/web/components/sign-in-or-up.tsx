import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { services } from "../app-services.ts";
import { syncNow } from "../sync/background-sync.ts";
import { callApi, problemText } from "../sync/server-api.ts";
import { AccountField, FormProblem } from "./account-field.tsx";
import { ForgotPassword } from "./forgot-password.tsx";

type Mode = "sign-in" | "sign-up";

/**
 * Signing in, or making an account, with one button to switch between them. Used by the Account
 * page and by the Join page (which starts on making an account, for someone new to Limber).
 * Once in, the sessions waiting on this device are sent.
 */
export function SignInOrUp(props: { idPrefix: string; start: Mode; headings: Record<Mode, string>; children?: ComponentChildren }) {
  const [mode, setMode] = useState<Mode>(props.start);
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState("");
  const id = (part: string) => `${props.idPrefix}${part}`;
  async function submit(e: Event) {
    e.preventDefault();
    setMessage("");
    try {
      const body = mode === "sign-up" ? { displayName: name, email, password } : { email, password };
      const r = await callApi("POST", `/api/auth/${mode}`, body);
      if (r.status === 200 || r.status === 201) void syncNow(services().store);
      else setMessage(problemText(r));
    } catch {
      setMessage("Cannot reach the server. Your sessions are kept on this device and will be sent once you are signed in.");
    }
  }
  return (
    <section class="card" aria-labelledby={id("account-form")}>
      <h2 id={id("account-form")}>{props.headings[mode]}</h2>
      {props.children}
      <form onSubmit={(e) => void submit(e)}>
        {mode === "sign-up" && (
          <AccountField id={id("name")} label="Your name" type="text" value={name} autocomplete="name" onInput={setName} />
        )}
        <AccountField id={id("email")} label="Email" type="email" value={email} autocomplete="email" onInput={setEmail} />
        <AccountField
          id={id("password")}
          label={mode === "sign-up" ? "Password (at least 10 characters)" : "Password"}
          type="password"
          value={password}
          autocomplete={mode === "sign-up" ? "new-password" : "current-password"}
          onInput={setPassword}
        />
        <FormProblem message={message} />
        <p class="form-actions">
          <button type="submit" class="primary">
            {mode === "sign-in" ? "Sign in" : "Create account"}
          </button>
          <button type="button" onClick={() => setMode(mode === "sign-in" ? "sign-up" : "sign-in")}>
            {mode === "sign-in" ? "I am new here" : "I already have an account"}
          </button>
        </p>
      </form>
      {mode === "sign-in" && <ForgotPassword email={email} />}
    </section>
  );
}
