import { useState } from "preact/hooks";
import { TextInput } from "../components/field.tsx";
import { callApi, problemText } from "../sync/server-api.ts";

/** Beside the link and code: the invite sent to the client's email by Limber. */
export function InviteByMail() {
  const [email, setEmail] = useState("");
  const [problem, setProblem] = useState("");
  const [sent, setSent] = useState("");
  async function send(e: Event) {
    e.preventDefault();
    setProblem("");
    setSent("");
    const r = await callApi<{ message: string }>("POST", "/api/invites/email", { email, label: email });
    if (r.status !== 202) return setProblem(problemText(r));
    setSent(r.body.message);
    setEmail("");
  }
  return (
    <form class="invite-by-mail" onSubmit={(e) => void send(e)}>
      <TextInput
        id="invite-email"
        label="Or send an invite by email"
        hint="Limber mails your client a link and a code that work once, for 14 days."
        type="email"
        autocomplete="off"
        value={email}
        required
        problem={problem || undefined}
        onInput={setEmail}
      />
      <p role="status" class="muted">
        {sent}
      </p>
      <button type="submit">Send the invite</button>
    </form>
  );
}
