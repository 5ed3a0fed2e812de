import { useEffect, useState } from "preact/hooks";
import type { MailSettingsAnswer } from "../api-types.ts";
import { FormProblem } from "../components/account-field.tsx";
import { TextInput } from "../components/field.tsx";
import { settings as deviceSettings } from "../app-data.ts";
import { account, callApi, problemText } from "../sync/server-api.ts";

/** The browser's own time zone, which reminder times are read in. */
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** Whether the email is checked, with a button to send the link again while it is not. */
function EmailCheck(props: { settings: MailSettingsAnswer }) {
  const [answer, setAnswer] = useState("");
  if (props.settings.emailChecked) return <p>Your email {props.settings.email} is checked.</p>;
  async function resend() {
    const r = await callApi<{ message: string }>("POST", "/api/mail/email-check");
    setAnswer(r.status === 202 ? r.body.message : problemText(r));
  }
  return (
    <div class="card safety">
      <p>
        Please check your email: open the link we sent to {props.settings.email}. Limber works meanwhile, but sends reminders and summaries
        only to a checked address.
      </p>
      <p role="status">{answer}</p>
      <button type="button" onClick={() => void resend()}>
        Send the link again
      </button>
    </div>
  );
}

/** Mail from Limber: the email check, reminders on planned days at a chosen time, and a coach's weekly summary. */
export function MailSettings(props: { coach: boolean }) {
  const [settings, setSettings] = useState<MailSettingsAnswer | null>(null);
  const [on, setOn] = useState(false);
  const [time, setTime] = useState("08:30");
  const [summary, setSummary] = useState(false);
  const [message, setMessage] = useState("");
  const [saved, setSaved] = useState("");
  useEffect(() => {
    void callApi<MailSettingsAnswer>("GET", "/api/mail").then((r) => {
      if (r.status !== 200) return;
      setSettings(r.body);
      setOn(r.body.reminderTime !== null);
      if (r.body.reminderTime) setTime(r.body.reminderTime);
      setSummary(r.body.weeklySummary);
    });
  }, []);
  if (!settings) return null;
  async function save(e: Event) {
    e.preventDefault();
    setMessage("");
    setSaved("");
    const r = await callApi<MailSettingsAnswer>("PUT", "/api/mail", {
      reminderTime: on ? time : null,
      timeZone: browserTimeZone(),
      weeklySummary: props.coach && summary,
    });
    if (r.status !== 200) return setMessage(problemText(r));
    setSettings(r.body);
    setSaved(
      r.body.reminderTime
        ? `Saved. A reminder comes at ${r.body.reminderTime} on your planned days, unless you have already practised.`
        : "Saved. No reminders by mail.",
    );
  }
  return (
    <section class="card" aria-labelledby="mail-settings">
      <h2 id="mail-settings">Mail from Limber</h2>
      <EmailCheck settings={settings} />
      <form onSubmit={(e) => void save(e)}>
        <div class="setting">
          <label for="reminders-on">Remind me by email on planned days</label>
          <input id="reminders-on" type="checkbox" checked={on} onChange={(e) => setOn(e.currentTarget.checked)} />
        </div>
        {on && (
          <TextInput
            id="reminder-time"
            label="At this time"
            hint={
              `In your time zone, ${browserTimeZone()}. No reminder comes on a day you have already practised.` +
              (deviceSettings.value.plan || account.value?.plan
                ? ""
                : " Planned days come from your plan: choose how often you want to practise on the History page.")
            }
            type="time"
            value={time}
            required
            onInput={setTime}
          />
        )}
        {props.coach && (
          <div class="setting">
            <label for="weekly-summary">A weekly summary of my clients, on Monday mornings</label>
            <input id="weekly-summary" type="checkbox" checked={summary} onChange={(e) => setSummary(e.currentTarget.checked)} />
          </div>
        )}
        <FormProblem message={message} />
        <p role="status">{saved}</p>
        <button type="submit">Save mail settings</button>
      </form>
    </section>
  );
}
