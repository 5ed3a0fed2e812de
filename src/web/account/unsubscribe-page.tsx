import { LinkPage } from "./link-page.tsx";

/** Opened from "Stop these mails" in a reminder or summary: one click, and that mail stops. */
export default function UnsubscribePage() {
  return (
    <LinkPage
      title="Stop mail"
      path="/api/mail/unsubscribe"
      working="Stopping these mails…"
      done={(b) =>
        (b as { stopped: string }).stopped === "reminders"
          ? "Done: Limber sends you no more reminders. You can turn them on again under Account."
          : "Done: Limber sends you no more weekly summaries. You can turn them on again under Account."
      }
    />
  );
}
