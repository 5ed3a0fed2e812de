import { useEffect, useRef, useState } from "preact/hooks";
import { painCallsForCare } from "../../core/pain-rule.ts";
import type { SessionLog } from "../../core/session-log.ts";
import { heldAnyHold } from "../../core/session-summary.ts";
import type { Timeline } from "../../core/timeline.ts";
import { DoneArt } from "../illustrations/exercise-art.tsx";
import { hrefOf } from "../router.ts";
import type { Delivery } from "../session/player-controller.ts";
import { account, callApi } from "../sync/server-api.ts";
import { count } from "../../core/words.ts";

/** The signed-in client's coach, if they have one: asked once, for the end screen's words and the note. */
function useCoachName(): string | null {
  const [name, setName] = useState<string | null>(null);
  const me = account.value;
  useEffect(() => {
    if (!me || me.role !== "client") return;
    void callApi<{ coach: { coachName: string } | null }>("GET", "/api/prescription")
      .then((r) => setName(r.status === 200 ? (r.body.coach?.coachName ?? null) : null))
      .catch(() => setName(null)); // offline: the end screen simply does not name a coach
  }, [me?.id]);
  return name;
}

function whereItIs(delivery: Delivery, coach: string | null): string {
  switch (delivery) {
    case "sending":
      return "Saved on this phone. Sending it now…";
    case "sent":
      return coach ? `Sent to your coach, ${coach}.` : "Sent to your account.";
    case "waiting":
      return "Saved on this phone; it will be sent when you are back online.";
    case "kept":
      return "Saved on this phone. It could not be sent just now; Limber will keep trying.";
    case "device-only":
      return "Saved on this phone.";
  }
}

/** What the end screen says about the session as a whole, honestly: complete, ended early, or no hold held. */
export function endingOf(log: SessionLog, plannedHolds: number): { title: string; line: string; practised: boolean } {
  const held = log.holds.filter((h) => !h.skipped).length;
  if (!heldAnyHold(log.holds)) {
    return {
      title: "No holds this time",
      line: "The session ended before any hold was held, so today does not count as a practised day. Start again whenever you are ready.",
      practised: false,
    };
  }
  if (!log.completed) {
    return {
      title: "Session ended",
      line: `Ended early: ${held} of ${count(plannedHolds, "hold")}. Today counts as a practised day.`,
      practised: true,
    };
  }
  const skipped = plannedHolds - held;
  return {
    title: "Session complete",
    line:
      skipped === 0 ? `All ${count(plannedHolds, "hold")} done.` : `${held} of ${count(plannedHolds, "hold")} done, ${skipped} skipped.`,
    practised: true,
  };
}

/** Said plainly when pain rose by 2 or more or reached 7: no praise, what happens next, and when to get care. */
function WhenPainIsWorse({ log, coach }: { log: SessionLog; coach: string | null }) {
  const [note, setNote] = useState<"" | "sending" | "sent" | "failed">("");
  const scores = log.painBefore === null ? `${log.painAfter} out of 10 after` : `${log.painBefore} before and ${log.painAfter} after`;
  async function tellCoach() {
    setNote("sending");
    const body = `My back hurt more after today's session: pain ${scores}.`;
    try {
      const r = await callApi("POST", "/api/messages", { body, sessionLogId: log.id });
      if (r.status !== 201) console.warn("The note to the coach was refused:", r.status, r.body);
      setNote(r.status === 201 ? "sent" : "failed");
    } catch {
      setNote("failed");
    }
  }
  return (
    <section class="card caution" aria-labelledby="worse-title" data-testid="pain-worse">
      <h2 id="worse-title">Your back hurts more after this session</h2>
      <p>Your pain was {scores}.</p>
      <p>
        Your next session will not make the holds any longer. Rest for the rest of today, and next time hold more gently, only as far as
        feels comfortable.
      </p>
      <p>
        <strong>Stop and get medical advice</strong> if you notice numbness, tingling or weakness in a leg or foot, pain spreading down a
        leg, or pain that keeps rising.
      </p>
      {coach && note !== "sent" && (
        <button type="button" class="big" disabled={note === "sending"} onClick={() => void tellCoach()}>
          Tell {coach} about this
        </button>
      )}
      {note === "sent" && <p role="status">Sent to {coach}: your pain scores from today.</p>}
      {note === "failed" && <p role="status">The note could not be sent just now. Try again when you are back online.</p>}
    </section>
  );
}

/** The end screen: what was done, said as it was, an answer when pain rose, and where the record is. */
export function SessionEnd(props: { log: SessionLog; timeline: Timeline | null; delivery: Delivery | null }) {
  const { log } = props;
  const planned = props.timeline ? props.timeline.steps.filter((s) => s.kind === "hold").length : log.holds.length;
  const ending = endingOf(log, planned);
  const worse = painCallsForCare(log);
  const coach = useCoachName();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const rose = !worse && log.painBefore !== null && log.painAfter !== null && log.painAfter > log.painBefore;
  return (
    <section class="card session-end" aria-labelledby="summary-title">
      {log.completed && ending.practised && !worse && <DoneArt />}
      <h1 id="summary-title" ref={heading} tabIndex={-1}>
        {ending.title}
      </h1>
      <p class="lead" data-testid="ending">
        {ending.line}
        {log.painBefore !== null && log.painAfter !== null && !worse ? ` Back pain ${log.painBefore} before, ${log.painAfter} after.` : ""}
      </p>
      {rose && <p>Pain was a little higher afterwards, so your holds stay as they are next time.</p>}
      {worse && <WhenPainIsWorse log={log} coach={coach} />}
      <p class="muted" role="status" data-testid="delivery">
        {whereItIs(props.delivery ?? "sending", coach)}
      </p>
      <a class="button primary big" href={hrefOf("home")}>
        Back to today
      </a>
    </section>
  );
}
