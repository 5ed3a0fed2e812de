import { useEffect, useState } from "preact/hooks";
import { callApi } from "../sync/server-api.ts";

/** Turns the private calendar address on, replaces it, or turns it off. */
export function CalendarFeedPanel() {
  const [active, setActive] = useState<boolean | null>(null);
  const [address, setAddress] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  useEffect(() => {
    void callApi<{ active: boolean }>("GET", "/api/calendar-feed").then((r) => r.status === 200 && setActive(r.body.active));
  }, []);
  async function make() {
    const r = await callApi<{ path: string }>("POST", "/api/calendar-feed");
    if (r.status !== 201) return setStatus("Could not make a calendar address. Try again.");
    setAddress(`${location.origin}${r.body.path}`);
    setActive(true);
    setStatus(active ? "A new address is ready; the old one no longer works." : "");
  }
  async function stop() {
    if ((await callApi("DELETE", "/api/calendar-feed")).status === 204) {
      setActive(false);
      setAddress(null);
      setStatus("Turned off. Calendars subscribed to the old address stop showing your sessions.");
    }
  }
  return (
    <section class="card" aria-labelledby="calendar-title">
      <h2 id="calendar-title">Reminders in your phone’s calendar</h2>
      <p class="muted">
        Limber can put your planned days in your phone’s calendar, with a reminder in the morning. The address is private: anyone who has it
        sees the days you plan to stretch (no pain scores or notes).
      </p>
      {address && (
        <div>
          <p>Add this address to your calendar app as a subscription (“Add calendar from address”):</p>
          <p class="invite-link" data-testid="calendar-address">
            {address}
          </p>
          <p>
            <a href={address.replace(/^https?:/, "webcal:")}>Open in my calendar app</a>
          </p>
        </div>
      )}
      {active && !address && <p>Your calendar address is on. It is shown only when made; make a new one if you need it again.</p>}
      <p>
        <button type="button" onClick={() => void make()}>
          {active ? "Make a new address" : "Make a calendar address"}
        </button>{" "}
        {active && (
          <button type="button" class="quiet" onClick={() => void stop()}>
            Turn off
          </button>
        )}
      </p>
      {status && <p role="status">{status}</p>}
    </section>
  );
}
