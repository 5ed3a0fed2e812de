import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail["headers"];
  /** A header as it was written (unfolded), or undefined when the mail has none. */
  header(name: string): string | undefined;
  /** Whether the session had been upgraded to TLS (STARTTLS) when the mail came. */
  overTls: boolean;
  messageId: string;
}

export interface SmtpSink {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Stops answering: connections are refused until `start` (at the same port). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Waits until `n` mails in all have come. */
  waitFor(n: number): Promise<ReceivedMail[]>;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps every mail it is given, parsed. With `tls`, it offers
 * STARTTLS with that key and certificate; without, it offers no TLS.
 */
export async function startSmtpSink(
  options: { tls?: { key: string; cert: string }; port?: number; holdUntilConcurrent?: number } = {},
): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  // With holdUntilConcurrent, each mail waits until that many SMTP sessions are sending at once,
  // which shows that many senders working side by side; after that, nothing waits.
  const sending = new Set<string>();
  const held: (() => void)[] = [];
  let holding = (options.holdUntilConcurrent ?? 0) > 1;
  const gate = (sessionId: string) =>
    new Promise<void>((go) => {
      sending.add(sessionId);
      if (!holding) return go();
      held.push(go);
      if (sending.size >= options.holdUntilConcurrent!) {
        holding = false;
        for (const g of held.splice(0)) g();
      }
    });
  const waiters: { n: number; done: () => void }[] = [];
  let server: SMTPServer | null = null;
  let port = options.port ?? 0;

  const make = () =>
    new SMTPServer({
      authOptional: true,
      logger: false,
      ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : { disabledCommands: ["STARTTLS"] }),
      onData(stream, session, callback) {
        gate(session.id)
          .then(() => simpleParser(stream))
          .then((m) => {
            received.push({
              to: session.envelope.rcptTo.map((r) => r.address).join(", "),
              subject: m.subject ?? "",
              text: m.text ?? "",
              html: typeof m.html === "string" ? m.html : "",
              headers: m.headers,
              header: (name) => {
                const line = m.headerLines.find((h) => h.key === name.toLowerCase())?.line;
                return line
                  ?.slice(line.indexOf(":") + 1)
                  .replace(/\r?\n[ \t]+/g, " ")
                  .trim();
              },
              overTls: session.secure,
              messageId: m.messageId ?? "",
            });
            for (const w of waiters.filter((w) => received.length >= w.n)) w.done();
            sending.delete(session.id);
            callback();
          })
          .catch(callback);
      },
    });

  const start = async () => {
    server = make();
    await new Promise<void>((resolve, reject) => {
      server!.server.once("error", reject);
      server!.listen(port, "127.0.0.1", () => resolve());
    });
    port = (server.server.address() as AddressInfo).port;
  };
  await start();
  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    received,
    start,
    stop: async () => {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    waitFor: (n) =>
      received.length >= n ? Promise.resolve(received) : new Promise((done) => waiters.push({ n, done: () => done(received) })),
  };
}
