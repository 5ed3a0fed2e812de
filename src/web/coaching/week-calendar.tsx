import { addDays, datesFrom, WEEKDAYS, weekStartOf } from "../../core/calendar-date.ts";
import type { Schedule } from "../../core/schedule.ts";
import { plannedDates } from "../../core/schedule-dates.ts";
import { count } from "../../core/words.ts";
import { shortDayMonthText } from "../dates.ts";

const SHORT = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
const NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const WORD: Record<string, string> = {
  done: "done",
  missed: "planned, not done",
  extra: "done, not planned",
  planned: "planned",
  rest: "",
};

/** What one day of the calendar shows: done, planned and missed, done on an unplanned day, still to come, or nothing. */
function dayState(day: string, today: string, planned: Set<string>, done: Set<string>): keyof typeof WORD {
  if (done.has(day)) return planned.has(day) ? "done" : "extra";
  if (planned.has(day)) return day < today ? "missed" : "planned";
  return "rest";
}

/** The last `weeks` calendar weeks, Monday first, each day marked planned, done or missed. */
export function WeekCalendar({
  schedule,
  doneDays,
  today,
  weeks = 4,
}: {
  schedule: Schedule | null;
  doneDays: string[];
  today: string;
  weeks?: number;
}) {
  const from = addDays(weekStartOf(today), -7 * (weeks - 1));
  const to = addDays(weekStartOf(today), 6);
  const planned = new Set(schedule ? plannedDates(schedule, from, to) : []);
  const done = new Set(doneDays);
  const days = datesFrom(from, to);
  const rows = Array.from({ length: weeks }, (_, w) => days.slice(w * 7, w * 7 + 7));
  return (
    <table class="week-calendar" data-testid="week-calendar">
      <caption class="sr-only">Planned and done days, the last {count(weeks, "week")}</caption>
      <thead>
        <tr>
          {WEEKDAYS.map((d, i) => (
            <th key={d} scope="col">
              <abbr title={NAMES[i]}>{SHORT[i]}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row[0]}>
            {row.map((day) => {
              const state = dayState(day, today, planned, done);
              const label = `${shortDayMonthText(day)}${WORD[state] ? `: ${WORD[state]}` : ""}`;
              return (
                <td key={day} class={`day ${state}${day === today ? " today" : ""}`} data-day={day} data-state={state}>
                  <span class="sr-only">{label}</span>
                  <span aria-hidden="true">
                    {Number(day.slice(8))}
                    {state === "done" || state === "extra" ? " ✓" : ""}
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The calendar's key, in words. */
export function WeekCalendarKey() {
  const items = [
    { state: "done", mark: "✓", text: "done as planned" },
    { state: "missed", mark: "", text: "planned, not done" },
    { state: "planned", mark: "", text: "planned, still to come" },
    { state: "extra", mark: "✓", text: "done on another day" },
  ];
  return (
    <ul class="calendar-key">
      {items.map((i) => (
        <li key={i.state}>
          <span class={`day ${i.state}`} aria-hidden="true">
            {i.mark}
          </span>{" "}
          {i.text}
        </li>
      ))}
    </ul>
  );
}
