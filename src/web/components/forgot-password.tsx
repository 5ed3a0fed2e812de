import { useState } from "preact/hooks";
import { callApi, problemText } from "../sync/server-api.ts";
import { FormProblem } from "./account-field.tsx";

/**
 * "Forgot your password?" under the sign-in form: asks the server to mail a reset link to the
 * email typed above. The answer is the same whether or not an account has the address, so it says
 * what to do either way; the person who runs Limber stays the fallback.
 */
export function ForgotPassword(props: { email: string }) {
  const [answer, setAnswer] = useState("");
  const [message, setMessage] = useState("");
  async function send() {
    setMessage("");
    setAnswer("");
    if (!props.email.trim()) {
      setMessage("Type your email in the Email box above first, then press the button again.");
      return;
    }
    try {
      const r = await callApi<{ message: string }>("POST", "/api/auth/reset/request", { email: props.email });
      if (r.status === 202) setAnswer(r.body.message);
      else setMessage(problemText(r));
    } catch {
      setMessage("Cannot reach the server. Check your connection and try again.");
    }
  }
  return (
    <details class="forgot">
      <summary>Forgot your password?</summary>
      <p>
        We can mail you a link to choose a new password, at the email typed above. It works once, within 30 minutes, and your sessions stay
        safe meanwhile.
      </p>
      <FormProblem message={message} />
      <p role="status">{answer}</p>
      <button type="button" onClick={() => void send()}>
        Mail me a link
      </button>
    </details>
  );
}
