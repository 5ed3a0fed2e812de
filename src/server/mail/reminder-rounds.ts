import type { Kysely } from "kysely";
import { localMoment, reminderDecision, summaryWeekDue } from "../../core/reminders.ts";
import type { Clock } from "../clock.ts";
import type { Tables } from "../db/tables.ts";
import { decideReminderDay, practisedOn, reminderSubscribers } from "../store/reminders.ts";
import { decideSummaryWeek, summarySubscribers } from "../store/weekly-summaries.ts";

export interface ReminderRounds {
  /** Decides every reminder due now; resolves when done (for tests and the timer alike). */
  runDue(): Promise<void>;
  close(): Promise<void>;
}

/** One round: each subscriber whose planned day has reached their time gets today's decision, once; so does each coach's week. */
export async function queueDueReminders(db: Kysely<Tables>, now: Date): Promise<number> {
  let queued = 0;
  for (const s of await reminderSubscribers(db)) {
    const { day } = localMoment(now, s.timeZone);
    const practised = await practisedOn(db, s.userId, day);
    const decision = reminderDecision({
      now,
      timeZone: s.timeZone,
      reminderTime: s.reminderTime,
      plan: { schedule: s.schedule, daysPerWeek: s.daysPerWeek },
      practisedDays: new Set(practised ? [day] : []),
    });
    if (decision.due && (await decideReminderDay(db, s, decision.day, decision.outcome, now)) && decision.outcome === "send") queued++;
  }
  for (const s of await summarySubscribers(db)) {
    const weekEnding = summaryWeekDue(now, s.timeZone);
    if (weekEnding && (await decideSummaryWeek(db, s, weekEnding, now))) queued++;
  }
  return queued;
}

/** Runs a round every minute (by the injected clock's reading), telling the mail sender when it queued mail. */
export function startReminderRounds(o: {
  db: Kysely<Tables>;
  clock: Clock;
  queued: () => void;
  log: (line: string) => void;
  everyMs?: number;
}): ReminderRounds {
  let running: Promise<void> | null = null;
  const run = (): Promise<void> => {
    running ??= queueDueReminders(o.db, o.clock.now())
      .then((n) => {
        if (n > 0) o.queued();
      })
      .catch((e) =>
        o.log(`limber: reminders could not be decided (${e instanceof Error ? e.message : String(e)}); trying again in a minute`),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void run(), o.everyMs ?? 60_000);
  timer.unref();
  return {
    runDue: async () => {
      while (running) await running;
      await run();
    },
    close: async () => {
      clearInterval(timer);
      while (running) await running;
    },
  };
}
