import { useEffect, useState } from "preact/hooks";
import { sessions } from "../app-data.ts";
import type { ConversationAnswer } from "../api-types.ts";
import { callApi } from "../sync/server-api.ts";
import { Conversation } from "./conversation.tsx";

/**
 * The client's conversation with their coach on My plan: what the coach wrote (with how many are
 * unread when the page opens), and a box to write back, tied to the last session when the server has it.
 */
export function CoachConversation({ coachName }: { coachName: string }) {
  const [answer, setAnswer] = useState<ConversationAnswer | null>(null);
  const [unreadAtOpen, setUnreadAtOpen] = useState(0);
  const lastSynced = [...sessions.value].reverse().find((s) => s.syncState === "synced");
  async function load(first: boolean) {
    const r = await callApi<ConversationAnswer>("GET", "/api/messages");
    if (r.status !== 200) return;
    setAnswer(r.body);
    if (first) setUnreadAtOpen(r.body.unread);
    // Shown now, so read: the coach sees when.
    if (r.body.unread > 0) void callApi("POST", "/api/messages/read").catch(() => undefined);
  }
  useEffect(() => {
    void load(true).catch(() => undefined);
  }, []);
  return (
    <section class="card" aria-labelledby="note-title">
      <h2 id="note-title">
        Messages with {coachName}
        {unreadAtOpen > 0 && (
          <span class="badge note" data-testid="unread-count">
            {" "}
            {unreadAtOpen} new
          </span>
        )}
      </h2>
      {answer === null ? (
        <p class="loading">Loading…</p>
      ) : (
        <Conversation
          messages={answer.messages}
          me="client"
          otherName={coachName}
          path="/api/messages"
          label={lastSynced ? "How did your last session go?" : "Your message"}
          sessionLogId={lastSynced?.id ?? null}
          onSent={() => void load(false)}
        />
      )}
    </section>
  );
}
