import { useState } from "preact/hooks";
import { sessions } from "../app-data.ts";
import { callApi, problemText } from "../sync/server-api.ts";
import { TextArea } from "../components/field.tsx";

/** A short note to the coach, tied to the last session when the server has it. */
export function NoteToCoach({ coachName }: { coachName: string }) {
  const [body, setBody] = useState("");
  const [status, setStatus] = useState("");
  const lastSynced = [...sessions.value].reverse().find((s) => s.syncState === "synced");
  async function send(e: Event) {
    e.preventDefault();
    const r = await callApi("POST", "/api/messages", { body, sessionLogId: lastSynced?.id ?? null });
    if (r.status === 201) {
      setBody("");
      setStatus(`Sent to ${coachName}.`);
    } else setStatus(`Not sent: ${problemText(r)}`);
  }
  return (
    <section class="card" aria-labelledby="note-title">
      <h2 id="note-title">A note to {coachName}</h2>
      <form onSubmit={(e) => void send(e)}>
        <TextArea
          id="note-body"
          label={lastSynced ? "How did your last session go?" : "Your note"}
          rows={3}
          maxLength={1000}
          required
          value={body}
          onInput={setBody}
        />
        <button type="submit">Send note</button>
        {status && <p role="status">{status}</p>}
      </form>
    </section>
  );
}
