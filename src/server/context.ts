import type { Context } from "hono";
import type { Kysely } from "kysely";
import type { Program } from "../core/program.ts";
import type { AttemptLimits } from "./auth/rate-limit.ts";
import type { Clock } from "./clock.ts";
import type { TrustedProxies } from "./http/forwarded.ts";
import type { LinkSigner } from "./mail/link-signer.ts";
import type { Tables } from "./db/tables.ts";
import type { LiveSession } from "./store/auth-sessions.ts";
import type { ClipRenderer } from "./voice/clip-thread.ts";

/** Everything a request handler may reach: the database, the clock and the rate limits. */
export interface ServerDeps {
  db: Kysely<Tables>;
  clock: Clock;
  /** Rate limits, kept in the database: `reserveAttempts` in http/too-many.ts is the usual way in. */
  limits: AttemptLimits;
  /** Signs and checks the tokens of unsubscribe links, with the server's secret. */
  signer: LinkSigner;
  /** The mail sender, told when a mail was queued so it goes out at once. */
  mail: { queued(): void };
  /** Built-in programs, already seeded into the database. */
  builtInPrograms: readonly Program[];
  /** The proxies in front whose X-Forwarded-For / Forwarded / X-Forwarded-Proto are believed; none unless --trust-proxy. */
  trustedProxies: TrustedProxies | undefined;
  /** Limber's voice for a practice's own programs, in a thread of its own started when first needed. */
  voice: ClipRenderer;
}

export type Env = { Variables: { deps: ServerDeps; session: LiveSession | null } };
export type AppContext = Context<Env>;

/** The signed-in session; handlers behind requireSession may rely on it. */
export function sessionOf(c: AppContext): LiveSession {
  const s = c.get("session");
  if (!s) throw new Error("handler reached without a session: requireSession is missing on this route");
  return s;
}
