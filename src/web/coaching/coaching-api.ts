import type { Adherence } from "../../core/adherence.ts";
import { WEEKDAYS } from "../../core/calendar-date.ts";
import type { ClientStanding } from "../../core/client-standing.ts";
import type { Prescription } from "../../core/prescription.ts";
import type { ClientDetailAnswer, DashboardAnswer, MyPlanAnswer } from "../api-types.ts";
import { dayText } from "../dates.ts";
import { count } from "../../core/words.ts";

/** The shapes the coaching endpoints answer, taken from the server's routes (src/web/api-types.ts, docs/api.md). */
export type MyPlan = MyPlanAnswer;
export type CoachContact = NonNullable<MyPlan["coach"]>;
export type StoredPrescription = NonNullable<MyPlan["prescription"]>;
export type DashboardClient = DashboardAnswer["clients"][number];
export type ClientDetail = ClientDetailAnswer;
export type MessageView = ClientDetail["messages"][number];

/** How a client stands, exactly as the core judges it on the server. */
export type Standing = ClientStanding;

/** "62%" for a ratio, "nothing planned" when there is none. */
export function percent(a: Adherence): string {
  return a.ratio === null ? "nothing planned" : `${Math.round(a.ratio * 100)}% (${a.done} of ${a.planned})`;
}

const DAY_NAMES: Record<string, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

/** A schedule in words: "Monday, Wednesday and Friday" or "3 times a week", with its dates. */
export function scheduleText(s: Prescription["schedule"], dates: Parameters<typeof dayText>[1] = {}): string {
  const days = WEEKDAYS.filter((d) => s.days.includes(d)).map((d) => DAY_NAMES[d]!);
  const when =
    s.kind === "weekdays"
      ? days.length > 1
        ? `${days.slice(0, -1).join(", ")} and ${days.at(-1)}`
        : days[0]
      : `${count(s.timesPerWeek ?? 0, "time")} a week`;
  return `${when}, from ${dayText(s.startDate, dates)}${s.endDate ? ` to ${dayText(s.endDate, dates)}` : ""}`;
}
