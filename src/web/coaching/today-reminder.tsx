import { useEffect } from "preact/hooks";
import { services } from "../app-services.ts";
import { longDayText } from "../dates.ts";
import { localDay } from "../session/streak.ts";
import { account, callApi } from "../sync/server-api.ts";
import type { MyPlan } from "./coaching-api.ts";
import { planFor, rememberedPlan, type RememberedPlan } from "./plan-memory.ts";

/**
 * The coach's plan for this person, as kept on the device (so it shows offline), refreshed from the
 * server whenever someone is signed in.
 */
export function useCoachPlan(): RememberedPlan | null {
  const signedIn = account.value;
  useEffect(() => {
    if (!signedIn) return;
    void callApi<MyPlan>("GET", "/api/prescription")
      // Storing a new plan needs the schema code; it is fetched only when there is a plan to store.
      .then(async (r) => (r.status === 200 ? (await import("./planned-session.ts")).rememberPlan(r.body) : undefined))
      .catch(() => undefined); // offline: the plan kept on the device still shows
  }, [signedIn?.id]);
  return rememberedPlan.value;
}

/** One line on the home page: whether today is a planned day, or when the next one is. */
export function PlanDayLine({ plan }: { plan: RememberedPlan }) {
  const today = localDay(services().clock.wallNow());
  const when = planFor(plan, today);
  const nextText = when.next ? longDayText(when.next) : null;
  return (
    <p data-testid="today-reminder" class="plan-day">
      {when.today
        ? "Today is a stretching day in your coach’s plan."
        : nextText
          ? `Your coach’s plan: next session ${nextText}.`
          : "From your coach’s plan."}
    </p>
  );
}
