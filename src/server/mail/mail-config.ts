import { join } from "node:path";

/** How the server sends mail: to an SMTP server, or into an outbox folder when none is set. */
export type MailDelivery =
  | { kind: "smtp"; host: string; port: number; secure: boolean; user?: string; password?: string; shown: string }
  | { kind: "outbox"; dir: string };

export interface MailConfig {
  delivery: MailDelivery;
  /** The From address of every mail, as `Name <address>` or a bare address. */
  from: string;
  /** Where links in mail point: the address people open Limber at, without a trailing slash. */
  publicUrl: string;
}

/** A setting that stops start-up; its message names the variable and what to write instead. */
export class MailConfigError extends Error {}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/** Reads SMTP_URL (`smtp://` or `smtps://`), MAIL_FROM and PUBLIC_URL; throws MailConfigError on a bad one. */
export function mailConfigFrom(env: NodeJS.ProcessEnv, defaults: { dataDir: string; serverUrl: string }): MailConfig {
  const publicUrl = publicUrlFrom(env.PUBLIC_URL || env.LIMBER_PUBLIC_URL || defaults.serverUrl);
  const delivery: MailDelivery = env.SMTP_URL ? smtpFrom(env.SMTP_URL) : { kind: "outbox", dir: join(defaults.dataDir, "outbox") };
  const from = (env.MAIL_FROM ?? "").trim() || `Limber <limber@${new URL(publicUrl).hostname.replace(/^\[|\]$/g, "") || "localhost"}>`;
  const bare = /<([^<>]*)>\s*$/.exec(from)?.[1] ?? from;
  if (!ADDRESS.test(bare.trim()))
    throw new MailConfigError(
      `MAIL_FROM is "${from}", which is not a mail address; write it as "Limber <limber@example.org>" or "limber@example.org"`,
    );
  return { delivery, from, publicUrl };
}

function publicUrlFrom(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new MailConfigError(
      `PUBLIC_URL is "${raw}", which is not a web address; write the address people open Limber at, such as https://limber.example.org`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new MailConfigError(`PUBLIC_URL must start with https:// or http://, not ${url.protocol}//`);
  return url.href.replace(/\/+$/, "");
}

function smtpFrom(raw: string): MailDelivery {
  const example =
    "write it as smtp://user:password@mail.example.org:587 (STARTTLS when the server offers it) or smtps://user:password@mail.example.org:465";
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new MailConfigError(`SMTP_URL is not a valid address; ${example}`);
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:")
    throw new MailConfigError(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//; ${example}`);
  if (!url.hostname) throw new MailConfigError(`SMTP_URL names no mail server; ${example}`);
  if (url.pathname.replace(/\/+$/, "") || url.search || url.hash)
    throw new MailConfigError(
      `SMTP_URL should end after the server and port (found "${url.pathname}${url.search}${url.hash}"); ${example}`,
    );
  const secure = url.protocol === "smtps:";
  const port = url.port ? Number(url.port) : secure ? 465 : 587;
  const user = url.username ? decodeURIComponent(url.username) : undefined;
  const password = url.password ? decodeURIComponent(url.password) : undefined;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const shown = `${url.protocol}//${user ? `${user}@` : ""}${url.hostname}:${port}`;
  return { kind: "smtp", host, port, secure, ...(user ? { user } : {}), ...(password ? { password } : {}), shown };
}

/** The delivery in words for the start-up line, without any password. */
export function describeDelivery(delivery: MailDelivery): string {
  return delivery.kind === "smtp" ? `mail by ${delivery.shown}` : `mail into ${delivery.dir} (no SMTP_URL set)`;
}
