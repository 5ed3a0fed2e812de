import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

/** Timestamps are written as ISO strings or Dates and read back as Dates. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** JSON columns are written as JSON text and read back parsed. */
type Json<T> = ColumnType<T, string, string>;

export interface OrganisationsTable {
  id: string;
  name: string;
  /** "personal" for a user without a coach; "practice" for a coach's organisation. */
  kind: "personal" | "practice";
  /** How clients reach the practice (phone, address), shown to its clients. */
  contact: Generated<string>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  organisation_id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: "client" | "coach";
  /** The days a week the person chose to practise; null until they choose (plan_since with it). */
  plan_days_per_week: number | null;
  /** The day (YYYY-MM-DD, as their device saw it) they chose the plan; adherence counts from it. */
  plan_since: string | null;
  created_at: Timestamp;
  password_changed_at: Timestamp;
  /** A coach's last look at their dashboard, to tell what is new since. */
  clients_seen_at: Timestamp | null;
}

export interface AuthSessionsTable {
  /** SHA-256 of the cookie token, so a leaked table does not hand out sessions. */
  id: string;
  user_id: string;
  organisation_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ProgramsTable {
  id: string;
  version: number;
  /** null for built-in programs every organisation sees. */
  organisation_id: string | null;
  title: string;
  document: Json<unknown>;
  created_at: Timestamp;
}

export interface SessionLogsTable {
  id: string;
  user_id: string;
  organisation_id: string;
  program_id: string;
  program_version: number;
  started_at: Timestamp;
  ended_at: Timestamp;
  /** The calendar day the session started on, as the device saw it (YYYY-MM-DD). */
  local_day: string;
  completed: boolean;
  steps_done: number;
  steps_total: number;
  holds: Json<unknown>;
  /** How many holds the session planned; null for older abandoned sessions that did not say. */
  holds_planned: number | null;
  /** At least one hold was held (core's heldAnyHold), so the session's day is a practised day. */
  practised: boolean;
  pain_before: number | null;
  pain_after: number | null;
  notes: string;
  received_at: Timestamp;
}

/**
 * Derived from session_logs by triggers (migration 0013), never written by the app nor backed up:
 * one client's latest sessions and last practised day, for the dashboard.
 */
export interface ClientSummariesTable {
  user_id: string;
  organisation_id: string;
  last_practised_day: string | null;
  /** The latest session (by start): its day, start, whether it ended, holds done and planned, pain. */
  last_day: string;
  last_started_at: Timestamp;
  last_completed: boolean;
  last_holds_done: number;
  last_holds_planned: number | null;
  last_pain_before: number | null;
  last_pain_after: number | null;
  /** The latest 8 sessions as [day, pain before, pain after], oldest first. */
  spark: Json<unknown>;
  /** The latest 3 with pain after rated, the same way. */
  rated: Json<unknown>;
}

/** Derived like client_summaries: one client's sessions in one calendar month (YYYY-MM). */
export interface PracticeMonthsTable {
  user_id: string;
  organisation_id: string;
  month: string;
  /** Bit d - 1 is set when day d of the month has a practised session. */
  practised_days: number;
  /** Each session's day of the month, ascending. */
  session_days: number[];
  /** Each session's arrival (received_at in microseconds since 1970) times 32 plus its day, ascending. */
  arrivals: string[];
}

/** practice_months' practised-day bits alone, kept by triggers on practice_months (migration 0014) for the organisation-wide count. */
export interface PracticeDaysTable {
  user_id: string;
  month: string;
  organisation_id: string;
  /** Bit d - 1 is set when day d of the month has a practised session. */
  practised_days: number;
}

export interface ProgressTable {
  user_id: string;
  program_id: string;
  organisation_id: string;
  state: Json<unknown>;
  updated_at: Timestamp;
}

export interface Tables {
  organisations: OrganisationsTable;
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  programs: ProgramsTable;
  session_logs: SessionLogsTable;
  client_summaries: ClientSummariesTable;
  practice_months: PracticeMonthsTable;
  practice_days: PracticeDaysTable;
  progress: ProgressTable;
  invites: InvitesTable;
  prescriptions: PrescriptionsTable;
  calendar_feeds: CalendarFeedsTable;
  messages: MessagesTable;
  password_resets: PasswordResetsTable;
  rate_limit_attempts: RateLimitAttemptsTable;
  mail_queue: MailQueueTable;
  email_checks: EmailChecksTable;
  mail_settings: MailSettingsTable;
  reminder_days: ReminderDaysTable;
  server_secrets: ServerSecretsTable;
  voice_clips: VoiceClipsTable;
  weekly_summaries: WeeklySummariesTable;
}

/** A week whose summary a coach was sent (queued); one row per coach per week. */
export interface WeeklySummariesTable {
  user_id: string;
  week_ending: string;
  organisation_id: string;
  decided_at: Timestamp;
}

/** A sentence of a practice's own program, spoken once by Limber's voice and kept. */
export interface VoiceClipsTable {
  organisation_id: string;
  /** `pieceKey(text)`. */
  key: string;
  /** The engine and voice it was spoken in. */
  voice: string;
  text: string;
  samples: number;
  mp3: Uint8Array;
  created_at: Generated<Timestamp>;
}

/** One mail to send; what it says is written when it is sent, from `kind` and `payload`. */
export interface MailQueueTable {
  id: string;
  kind: string;
  recipient: string;
  user_id: string | null;
  payload: Json<unknown>;
  created_at: Timestamp;
  next_attempt_at: Timestamp;
  attempts: Generated<number>;
  last_error: string | null;
  /** The server process sending it, until `claimed_until`; another may take it after that. */
  claimed_by: string | null;
  claimed_until: Timestamp | null;
  finished_at: Timestamp | null;
  /** "sent", or why it was not sent ("skipped: ...", "gave up: ..."). */
  outcome: string | null;
}

/** One email-check link; like reset links, only the token's SHA-256 is kept. */
export interface EmailChecksTable {
  token_hash: string;
  user_id: string;
  email: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface MailSettingsTable {
  user_id: string;
  organisation_id: string;
  /** The address this person proved they read; their email is checked while it equals users.email. */
  checked_email: string | null;
  /** "HH:MM" in `time_zone` on planned days, or null for no reminders. */
  reminder_time: string | null;
  time_zone: Generated<string>;
  weekly_summary: Generated<boolean>;
  updated_at: Timestamp;
}

/** A planned day whose reminder was decided (queued, or not needed): one row per person per day, ever. */
export interface ReminderDaysTable {
  user_id: string;
  local_day: string;
  organisation_id: string;
  decided_at: Timestamp;
  outcome: string;
}

export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: Timestamp;
}

/** One attempt a rate limit counts until it expires; `subject` is the SHA-256 of the limited key. */
export interface RateLimitAttemptsTable {
  id: string;
  limit_name: string;
  subject: string;
  expires_at: Timestamp;
}

/** One password-reset link; the token itself is shown once to the operator and never stored. */
export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface InvitesTable {
  id: string;
  organisation_id: string;
  /** SHA-256 of the invite code; the code itself is shown once and never stored. */
  code_hash: string;
  label: string;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  used_by: string | null;
}

export interface PrescriptionsTable {
  user_id: string;
  organisation_id: string;
  program_id: string;
  program_version: number;
  schedule: Json<unknown>;
  hold_overrides: Json<unknown>;
  note: string;
  set_by: string | null;
  updated_at: Timestamp;
}

export interface CalendarFeedsTable {
  user_id: string;
  organisation_id: string;
  /** SHA-256 of the feed token in the subscription address. */
  token_hash: string;
  created_at: Timestamp;
}

export interface MessagesTable {
  id: string;
  organisation_id: string;
  user_id: string;
  session_log_id: string | null;
  body: string;
  /** Who wrote it: the client the conversation is with, or a coach of their practice. */
  author: Generated<"client" | "coach">;
  /** The coach who wrote it; null for the client's own messages. */
  author_id: string | null;
  created_at: Timestamp;
  /** When the other side read it. */
  read_at: Timestamp | null;
}

export type UserRow = Selectable<UsersTable>;
export type SessionLogRow = Selectable<SessionLogsTable>;
export type NewSessionLogRow = Insertable<SessionLogsTable>;
