import type { Kysely } from "kysely";
import type { Clock } from "../clock.ts";
import type { Tables } from "../db/tables.ts";
import { claimDueMail, finishMail, retryMailLater, type QueuedMail } from "../store/mail-queue.ts";
import { composeMail } from "./compose.ts";
import { html, plainText } from "./layout.ts";
import type { LinkSigner } from "./link-signer.ts";
import type { MailConfig } from "./mail-config.ts";
import type { MailTransport } from "./transport.ts";

export interface MailSenderOptions {
  db: Kysely<Tables>;
  clock: Clock;
  config: MailConfig;
  transport: MailTransport;
  signer: LinkSigner;
  /** Names this process in the queue's claims. */
  claimant: string;
  log: (line: string) => void;
  /** How often the queue is looked at without being asked; 15 s by default. */
  pollMs?: number;
}

export interface MailSender {
  /** Looks at the queue soon (a mail was just queued). */
  kick(): void;
  /** Sends every mail due now; resolves once the queue has nothing due (for tests and shutdown). */
  drain(): Promise<void>;
  /** Stops looking at the queue and waits for the mail being sent to finish. */
  close(): Promise<void>;
}

const BATCH = 10;

/** SMTP answers 5xx for a mail that will never be taken (no such mailbox): trying again is useless. */
const isPermanent = (e: unknown) => {
  const code = (e as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
};

/** The server's sender: claims due mail from the queue, writes it, sends it and records what happened. */
export function startMailSender(o: MailSenderOptions): MailSender {
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;

  async function sendOne(mail: QueuedMail): Promise<void> {
    const now = o.clock.now();
    const composed = await composeMail({ db: o.db, now, publicUrl: o.config.publicUrl, signer: o.signer }, mail);
    if ("skip" in composed) {
      await finishMail(o.db, mail.id, o.claimant, `skipped: ${composed.skip}`, now);
      return;
    }
    try {
      await o.transport.send({
        id: mail.id,
        from: o.config.from,
        to: mail.recipient,
        subject: composed.content.subject,
        text: plainText(composed.content),
        html: html(composed.content),
        ...(composed.headers ? { headers: composed.headers } : {}),
      });
    } catch (e) {
      await composed.undo?.();
      const message = e instanceof Error ? e.message : String(e);
      if (isPermanent(e)) {
        o.log(`limber: mail to ${mail.recipient} refused by the mail server, not tried again: ${message}`);
        await finishMail(o.db, mail.id, o.claimant, `gave up: ${message}`.slice(0, 500), o.clock.now());
        return;
      }
      const next = await retryMailLater(o.db, mail, o.claimant, message, o.clock.now());
      o.log(`limber: mail to ${mail.recipient} not sent (attempt ${mail.attempts}: ${message}); trying again from ${next.toISOString()}`);
      return;
    }
    await finishMail(o.db, mail.id, o.claimant, "sent", o.clock.now());
  }

  async function round(): Promise<void> {
    do {
      again = false;
      for (;;) {
        if (closed) return;
        const due = await claimDueMail(o.db, o.claimant, o.clock.now(), BATCH);
        if (due.length === 0) break;
        for (const mail of due) await sendOne(mail);
      }
    } while (again && !closed);
  }

  function kick(): Promise<void> {
    if (closed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = round()
      .catch((e) => o.log(`limber: the mail queue could not be read (${e instanceof Error ? e.message : String(e)}); trying again shortly`))
      .finally(() => {
        running = null;
      });
    return running;
  }

  const timer = setInterval(() => void kick(), o.pollMs ?? 15_000);
  timer.unref();
  void kick();

  return {
    kick: () => void kick(),
    drain: async () => {
      while (running) await running;
      await kick();
    },
    close: async () => {
      closed = true;
      clearInterval(timer);
      while (running) await running;
      o.transport.close();
    },
  };
}
