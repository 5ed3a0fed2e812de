import { signal } from "@preact/signals";
import type { ProgressState } from "../../core/progress.ts";
import type { SessionLog } from "../../core/session-log.ts";
import type { LogStored, MeAnswer, ProgressAnswer } from "../api-types.ts";

/** The signed-in person as the server describes them (GET /api/auth/me). */
export type Account = NonNullable<MeAnswer["account"]>;

/** undefined until the server was asked; null when nobody is signed in (or the server is out of reach). */
export const account = signal<Account | null | undefined>(undefined);

/** The CSRF token of this browser's session; sent back on every change (see docs/SECURITY.md). */
let csrfToken: string | null = null;

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

/** The server could not be reached at all (no network, or it is down): the one failure that means "offline". */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super("the Limber server could not be reached", { cause });
    this.name = "NetworkError";
  }
}

/**
 * One JSON call to the Limber server with the session cookie and CSRF header. Rejects with a
 * NetworkError when the server cannot be reached; any other rejection is a bug to report.
 */
export async function callApi<T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  o: { keepalive?: boolean } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (method !== "GET") headers["x-csrf-token"] = csrfToken ?? "anonymous";
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(path, {
    method,
    headers,
    credentials: "same-origin",
    cache: "no-store",
    keepalive: o.keepalive ?? false,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  }).catch((error: unknown) => {
    throw new NetworkError(error);
  });
  const text = await res.text();
  const parsed = res.headers.get("content-type")?.includes("application/json") && text ? (JSON.parse(text) as T) : (text as T);
  const maybe = parsed as { csrfToken?: unknown; account?: Account };
  if (maybe && typeof maybe === "object" && typeof maybe.csrfToken === "string") {
    csrfToken = maybe.csrfToken;
    if (maybe.account) account.value = maybe.account;
  }
  if (res.status === 401) account.value = null;
  return { status: res.status, body: parsed };
}

/** Asks the server who is signed in; offline counts as "not known to be signed in". */
export async function refreshAccount(): Promise<Account | null> {
  try {
    const r = await callApi<MeAnswer>("GET", "/api/auth/me");
    // Signed out answers 200 with no account (an ordinary state, so the browser logs no error).
    if (r.status !== 200 || r.body.account === null) account.value = null;
    return account.value ?? null;
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    account.value = null;
    return null;
  }
}

export async function signOut(): Promise<void> {
  await callApi("POST", "/api/auth/sign-out");
  csrfToken = null;
  account.value = null;
}

/**
 * Sends one session log; its own id makes a resend harmless. The request is `keepalive`, so a
 * session saved just before the tab closes still reaches the server (a log is far below the 64 KB
 * such a request may carry); if it does not, the log stays pending and goes out on the next visit.
 */
export async function sendLog(log: SessionLog): Promise<{ status: number; reason?: string }> {
  const r = await callApi<LogStored>("POST", "/api/logs", log, { keepalive: true });
  if (r.status >= 200 && r.status < 300) {
    // Only the Limber server names the log it stored: a 200 from anything between (a hotel's
    // sign-in page, a proxy) must not mark the session as sent.
    if ((r.body as Partial<LogStored> | null)?.id !== log.id)
      throw new Error(`the answer to a sent session (${r.status}) did not come from the Limber server`);
    return { status: r.status };
  }
  return { status: r.status, reason: problemText(r) };
}

export async function fetchProgress(programId: string): Promise<ProgressState | null> {
  const r = await callApi<ProgressAnswer>("GET", `/api/progress/${encodeURIComponent(programId)}`);
  return r.status === 200 ? r.body : null;
}

/**
 * Sets one hold by hand on the server too, so it follows the user to their other devices. Resolves
 * with the HTTP status; rejects when the network could not be reached (the hold then waits in
 * pending-holds.ts and is sent by the background sync).
 */
export async function putHold(hold: { programId: string; exerciseId: string; phaseId: string; seconds: number | null }): Promise<number> {
  const { programId, ...body } = hold;
  return (await callApi("PUT", `/api/progress/${encodeURIComponent(programId)}/hold`, body)).status;
}

/** A field problem from a 400 answer, or the error line of any other refusal, ready to show. */
export function problemText(answer: ApiAnswer): string {
  const body = answer.body as { error?: string; problems?: { path: string; message: string }[] };
  // A message written as a sentence for the person ("Use at least 10 characters for your password.") is shown as it is;
  // a technical one keeps its field path so it can still be found.
  if (body?.problems?.length)
    return body.problems.map((p) => (/^[A-Z].*\.$/.test(p.message) ? p.message : `${p.path}: ${p.message}`)).join(" ");
  return body?.error ?? `The server answered ${answer.status}.`;
}
