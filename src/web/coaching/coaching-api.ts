import type { Adherence } from "../../core/adherence.ts";
import { WEEKDAYS } from "../../core/calendar-date.ts";
import type { ClientStanding } from "../../core/client-standing.ts";
import type { PainPoint } from "../../core/history.ts";
import type { Prescription } from "../../core/prescription.ts";
import type { Program } from "../../core/program.ts";

/** The shapes the coaching endpoints answer (docs/api.md). */
export interface CoachContact {
  practice: string;
  coachName: string;
  email: string;
  contact: string;
}

export interface StoredPrescription extends Prescription {
  setBy: "coach" | "self";
  updatedAt: string;
}

/** How a client stands, exactly as the core judges it on the server. */
export type Standing = ClientStanding;

export interface DashboardClient {
  id: string;
  displayName: string;
  email: string;
  programId: string | null;
  lastSession: { day: string; completed: boolean; painBefore: number | null; painAfter: number | null } | null;
  unreadMessages: number;
  latestMessage: { body: string; createdAt: string } | null;
  standing: Standing;
}

export interface MessageView {
  id: string;
  body: string;
  sessionLogId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface ClientDetail {
  today: string;
  client: { id: string; displayName: string; email: string };
  prescription: StoredPrescription | null;
  program: Program | null;
  standing: Standing;
  pain: PainPoint[];
  painSummary: string;
  sessions: { id: string; day: string; completed: boolean; painBefore: number | null; painAfter: number | null; notes: string; programVersion: number }[];
  messages: MessageView[];
}

export interface MyPlan {
  prescription: StoredPrescription | null;
  program: Program | null;
  coach: CoachContact | null;
}

/** "62%" for a ratio, "nothing planned" when there is none. */
export function percent(a: Adherence): string {
  return a.ratio === null ? "nothing planned" : `${Math.round(a.ratio * 100)}% (${a.done} of ${a.planned})`;
}

const DAY_NAMES: Record<string, string> = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" };

/** A schedule in words: "Monday, Wednesday and Friday" or "3 times a week", with its dates. */
export function scheduleText(s: Prescription["schedule"]): string {
  const days = WEEKDAYS.filter((d) => s.days.includes(d)).map((d) => DAY_NAMES[d]!);
  const when = s.kind === "weekdays" ? (days.length > 1 ? `${days.slice(0, -1).join(", ")} and ${days.at(-1)}` : days[0]) : `${s.timesPerWeek} times a week`;
  return `${when}, from ${s.startDate}${s.endDate ? ` to ${s.endDate}` : ""}`;
}
