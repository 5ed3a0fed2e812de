import { useState } from "preact/hooks";
import { TextArea } from "../components/field.tsx";
import { callApi, problemText } from "../sync/server-api.ts";
import { when } from "../dates.ts";

interface Message {
  id: string;
  author: "client" | "coach";
  body: string;
  createdAt: string;
  readAt: string | null;
}

/**
 * A client's conversation with their coach, oldest first, and a box to write in. `me` says which
 * side is reading: their own messages say whether the other side has read them.
 */
export function Conversation(props: {
  messages: Message[];
  me: "client" | "coach";
  otherName: string;
  /** Where a message is posted: the client's own /api/messages, or the coach's /api/clients/:id/messages. */
  path: string;
  label: string;
  /** The session a new message is about, when there is one. */
  sessionLogId?: string | null;
  onSent: () => void;
}) {
  const [body, setBody] = useState("");
  const [problem, setProblem] = useState("");
  const [status, setStatus] = useState("");
  async function send(e: Event) {
    e.preventDefault();
    setProblem("");
    const r = await callApi("POST", props.path, { body, sessionLogId: props.sessionLogId ?? null });
    if (r.status === 201) {
      setBody("");
      setStatus(`Sent to ${props.otherName}.`);
      props.onSent();
    } else setProblem(problemText(r));
  }
  const oldestFirst = [...props.messages].reverse();
  return (
    <>
      {oldestFirst.length === 0 ? (
        <p class="muted">No messages yet.</p>
      ) : (
        <ol class="conversation" data-testid="conversation">
          {oldestFirst.map((m) => {
            const mine = m.author === props.me;
            return (
              <li key={m.id} class={mine ? "mine" : "theirs"}>
                <p class="message-meta">
                  <strong>{mine ? "You" : props.otherName}</strong>, {when(m.createdAt)}
                </p>
                <p class="message-body">{m.body}</p>
                {mine && (
                  <p class="message-read muted" data-testid="read-receipt">
                    {m.readAt ? `Read ${when(m.readAt)}` : "Not read yet"}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <form onSubmit={(e) => void send(e)} noValidate>
        <TextArea
          id={`${props.me}-message`}
          label={props.label}
          rows={3}
          maxLength={1000}
          value={body}
          problem={problem || undefined}
          onInput={setBody}
        />
        <button type="submit" class="primary">
          Send
        </button>
        <p role="status" class="muted">
          {status}
        </p>
      </form>
    </>
  );
}
