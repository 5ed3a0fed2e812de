import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Transporter } from "nodemailer";
import type { MailDelivery } from "./mail-config.ts";

/** One mail ready to go: plain text and HTML saying the same, and any extra headers. */
export interface OutgoingMail {
  /** The queue row's id: it makes the Message-ID, so a mail sent again is recognisably the same mail. */
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/** Where mail goes. `send` resolves once the mail is accepted, and throws when it was not. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

const messageFields = (mail: OutgoingMail) => ({
  from: mail.from,
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
  messageId: `<${mail.id}@limber>`,
  ...(mail.headers ? { headers: mail.headers } : {}),
});

/**
 * A nodemailer transporter made on the first mail: most servers send none for a long while after
 * they start (or never, with no SMTP set up), and nodemailer is the biggest package the server has.
 */
function lazyTransporter(options: Parameters<typeof import("nodemailer").createTransport>[0]) {
  let made: Promise<Transporter> | null = null;
  return {
    get: () => (made ??= import("nodemailer").then(({ default: nodemailer }) => nodemailer.createTransport(options))),
    // A failed import was already reported by the send that needed it.
    close: () =>
      void made?.then(
        (t) => t.close(),
        () => undefined,
      ),
  };
}

/** The transport for a delivery setting; `log` names each mail written to the outbox. */
export function transportFor(delivery: MailDelivery, log: (line: string) => void): MailTransport {
  return delivery.kind === "smtp" ? smtpTransport(delivery) : outboxTransport(delivery.dir, log);
}

/** SMTP through nodemailer: `smtps://` is TLS from the start; `smtp://` upgrades with STARTTLS when the server offers it. */
function smtpTransport(d: Extract<MailDelivery, { kind: "smtp" }>): MailTransport {
  const transporter = lazyTransporter({
    host: d.host,
    port: d.port,
    secure: d.secure,
    ...(d.user ? { auth: { user: d.user, pass: d.password ?? "" } } : {}),
    // A server that is down or stalls fails the attempt soon; the queue tries again later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    send: async (mail) => {
      await (await transporter.get()).sendMail(messageFields(mail));
    },
    close: transporter.close,
  };
}

/**
 * Mail written as `.eml` files into a folder, for a server with no SMTP set up: each file can be
 * opened in a mail program. Written under a temporary name and renamed, so a file is whole or absent;
 * the name comes from the queue row, so a mail written again replaces itself.
 */
function outboxTransport(dir: string, log: (line: string) => void): MailTransport {
  const transporter = lazyTransporter({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    send: async (mail) => {
      const info = await (await transporter.get()).sendMail(messageFields(mail));
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const path = join(dir, `${mail.id}.eml`);
      await writeFile(`${path}.part`, info.message as Buffer, { mode: 0o600 });
      await rename(`${path}.part`, path);
      log(`limber: mail to ${mail.to} ("${mail.subject}") written to ${path}`);
    },
    close: transporter.close,
  };
}
