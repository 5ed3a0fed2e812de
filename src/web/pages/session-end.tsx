import { useEffect, useRef } from "preact/hooks";
import type { SessionLog } from "../../core/session-log.ts";
import type { Timeline } from "../../core/timeline.ts";
import { DoneArt } from "../illustrations/exercise-art.tsx";
import { hrefOf } from "../router.ts";
import type { Delivery } from "../session/player-controller.ts";

const whereItIs: Record<Delivery, string> = {
  sending: "Saved on this phone. Sending it to your account…",
  sent: "Sent to your account.",
  waiting: "Saved on this phone; it will be sent when you are back online.",
  "device-only": "Saved on this phone.",
};

/** The end screen: what was done, said as it was, and where the record of it is. */
export function SessionEnd(props: { log: SessionLog; timeline: Timeline | null; delivery: Delivery | null }) {
  const { log } = props;
  const held = log.holds.filter((h) => !h.skipped).length;
  const planned = props.timeline ? props.timeline.steps.filter((s) => s.kind === "hold").length : log.holds.length;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="card" aria-labelledby="summary-title">
      {log.completed && held > 0 && <DoneArt />}
      <h1 id="summary-title" ref={heading} tabIndex={-1}>
        {log.completed ? "Session complete" : "Session saved"}
      </h1>
      <p class="lead">
        {held} of {planned} holds done.
        {log.painBefore !== null && log.painAfter !== null ? ` Back pain ${log.painBefore} before, ${log.painAfter} after.` : ""}
      </p>
      <p class="muted" role="status" data-testid="delivery">
        {whereItIs[props.delivery ?? "sending"]}
      </p>
      <a class="button primary big" href={hrefOf("home")}>
        Back to today
      </a>
    </section>
  );
}
