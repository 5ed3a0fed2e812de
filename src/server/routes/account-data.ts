import { Hono } from "hono";
import { z } from "zod";
import { checkCurrentPassword } from "../auth/current-password.ts";
import { requireSession } from "../auth/current-session.ts";
import { clearSessionCookie } from "../auth/session-cookie.ts";
import { sessionOf, type Env } from "../context.ts";
import { toCsv } from "../http/csv.ts";
import { readBody } from "../http/problems.ts";
import { accountOf, deleteAccount } from "../store/accounts.ts";
import { calendarFeedCreatedAt } from "../store/calendar-feeds.ts";
import { listMessagesOfUser } from "../store/messages.ts";
import { readPrescription } from "../store/prescriptions.ts";
import { listProgress } from "../store/progress.ts";
import { listSessionLogs } from "../store/session-logs.ts";

const DeleteAccount = z.object({
  password: z.string().min(1, "Enter your password to delete the account.").max(200, "Use at most 200 characters for your password."),
});

export const LOG_CSV_HEADER = [
  "id",
  "program_id",
  "program_version",
  "started_at",
  "ended_at",
  "local_day",
  "completed",
  "steps_done",
  "steps_total",
  "holds",
  "seconds_held",
  "holds_skipped",
  "pain_before",
  "pain_after",
  "notes",
  "received_at",
] as const;

/** Everything a user has given us, to download (JSON, CSV) or to erase. */
export const accountDataRoutes = new Hono<Env>()
  .use(requireSession)
  .get("/export.json", async (c) => {
    const { db, clock } = c.get("deps");
    const { user } = sessionOf(c);
    const body = {
      exportedAt: clock.now().toISOString(),
      account: accountOf(user),
      sessionLogs: await listSessionLogs(db, user.id),
      progress: await listProgress(db, user.id),
      plan: await readPrescription(db, user.id),
      notesToCoach: await listMessagesOfUser(db, user.id),
      calendarFeedSince: await calendarFeedCreatedAt(db, user.id),
    };
    c.header("Content-Disposition", 'attachment; filename="limber-export.json"');
    c.header("Cache-Control", "no-store");
    return c.json(body);
  })
  .get("/export.csv", async (c) => {
    const logs = await listSessionLogs(c.get("deps").db, sessionOf(c).user.id);
    const rows = logs.map((l) => [
      l.id,
      l.programId,
      l.programVersion,
      l.startedAt,
      l.endedAt,
      l.localDay,
      l.completed,
      l.stepsDone,
      l.stepsTotal,
      l.holds.length,
      Math.round(l.holds.reduce((s, h) => s + h.heldSeconds, 0) * 10) / 10,
      l.holds.filter((h) => h.skipped).length,
      l.painBefore,
      l.painAfter,
      l.notes,
      l.receivedAt,
    ]);
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", 'attachment; filename="limber-sessions.csv"');
    c.header("Cache-Control", "no-store");
    return c.body(toCsv(LOG_CSV_HEADER, rows));
  })
  .delete("/", async (c) => {
    const body = await readBody(c, DeleteAccount);
    if (!body.ok) return body.response;
    const { user } = sessionOf(c);
    const refused = await checkCurrentPassword(c, body.value.password, "password is wrong");
    if (refused) return refused;
    await deleteAccount(c.get("deps").db, user.id);
    clearSessionCookie(c);
    return c.body(null, 204);
  });
