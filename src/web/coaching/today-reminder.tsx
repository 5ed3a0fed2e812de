import { useEffect } from "preact/hooks";
import { services } from "../app-services.ts";
import { localDay } from "../session/streak.ts";
import { account, callApi } from "../sync/server-api.ts";
import type { MyPlan } from "./coaching-api.ts";
import { planFor, rememberedPlan, rememberPlan } from "./planned-session.ts";

/** The home page's line about today's planned session, from the plan kept on this device. */
export function TodayReminder() {
  const signedIn = account.value;
  useEffect(() => {
    if (!signedIn) return;
    void callApi<MyPlan>("GET", "/api/prescription")
      .then((r) => (r.status === 200 ? rememberPlan(r.body) : undefined))
      .catch(() => undefined); // offline: the plan kept on the device still shows
  }, [signedIn?.id]);
  const plan = rememberedPlan.value;
  if (!plan) return null;
  const today = localDay(services().clock.wallNow());
  const when = planFor(plan, today);
  const nextText = when.next ? new Date(`${when.next}T12:00:00`).toLocaleDateString(undefined, { weekday: "long", day: "numeric", month: "long" }) : null;
  return (
    <section class="card" aria-labelledby="reminder-title" data-testid="today-reminder">
      <h2 id="reminder-title">{when.today ? "Today is a stretching day" : "Your plan"}</h2>
      <p>
        {when.today ? `${plan.title}, about ${plan.minutes} minutes.` : nextText ? `Next session: ${nextText}. ${plan.title}.` : `${plan.title}.`}
      </p>
      {when.today && (
        <a class="button primary" href={`#/play?program=${encodeURIComponent(plan.programId)}`}>
          Start today’s session
        </a>
      )}
    </section>
  );
}
