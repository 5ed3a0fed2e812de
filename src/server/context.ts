import type { Context } from "hono";
import type { Kysely } from "kysely";
import type { Program } from "../core/program.ts";
import type { FailureLimiter } from "./auth/rate-limit.ts";
import type { Clock } from "./clock.ts";
import type { Tables } from "./db/tables.ts";
import type { LiveSession } from "./store/auth-sessions.ts";

/** Everything a request handler may reach: the database, the clock and the rate limits. */
export interface ServerDeps {
  db: Kysely<Tables>;
  clock: Clock;
  signInLimits: { account: FailureLimiter; address: FailureLimiter };
  /** Wrong password-reset tokens per client address. */
  resetGuesses: FailureLimiter;
  /** Sign-ups refused for a taken email, per client address. */
  signUpRefusals: FailureLimiter;
  /** Reset links asked for by mail, per client address (every request counts). */
  resetRequests: FailureLimiter;
  /** The mail sender, told when a mail was queued so it goes out at once. */
  mail: { queued(): void };
  /** Wrong current passwords per user id. */
  passwordChecks: FailureLimiter;
  /** Built-in programs, already seeded into the database. */
  builtInPrograms: readonly Program[];
  /** Whether X-Forwarded-Proto and X-Forwarded-For from a proxy in front are believed. */
  trustProxy: boolean;
}

export type Env = { Variables: { deps: ServerDeps; session: LiveSession | null } };
export type AppContext = Context<Env>;

/** The signed-in session; handlers behind requireSession may rely on it. */
export function sessionOf(c: AppContext): LiveSession {
  const s = c.get("session");
  if (!s) throw new Error("handler reached without a session: requireSession is missing on this route");
  return s;
}
