import { createHash, randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Clock } from "../clock.ts";
import type { Tables } from "../db/tables.ts";

/** A limit: at most `attempts` attempts per key inside a sliding window of `windowMs`. */
export interface AttemptRule {
  /** Stored with each attempt; unique per limit ("sign-in/account"). */
  name: string;
  attempts: number;
  windowMs: number;
}

/** An attempt the limit let through: it counts until it expires, unless given back. */
export interface HeldAttempt {
  /** Gives the attempt back (it went well, so it does not count). */
  release(): Promise<void>;
}

export type Reservation = ({ granted: true } & HeldAttempt) | { granted: false; retryAfterMs: number };

const subjectOf = (key: string) => createHash("sha256").update(key).digest("hex");

/**
 * Rate limits kept in the database, so they hold across server processes on one PostgreSQL and
 * across restarts. An attempt is reserved before the slow work it guards (a password check), under
 * a lock on its (limit, key), so N attempts sent at once let at most `attempts` of them through.
 */
export class AttemptLimits {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly clock: Clock,
  ) {}

  /** Counts one attempt for `key` under `rule`, or says how long to wait when the limit is reached. */
  async reserve(rule: AttemptRule, key: string): Promise<Reservation> {
    const subject = subjectOf(key);
    const now = this.clock.now();
    const id = randomUUID();
    const wait = await this.db.transaction().execute(async (tx) => {
      // Transaction-scoped: released at commit, on every process that shares the database.
      await sql`select pg_advisory_xact_lock(hashtext(${`${rule.name}\n${subject}`}))`.execute(tx);
      const held = await tx
        .selectFrom("rate_limit_attempts")
        .select("expires_at")
        .where("limit_name", "=", rule.name)
        .where("subject", "=", subject)
        .where("expires_at", ">", now)
        .orderBy("expires_at", "desc")
        .limit(rule.attempts)
        .execute();
      if (held.length >= rule.attempts) return new Date(held[rule.attempts - 1]!.expires_at).getTime() - now.getTime();
      await tx
        .insertInto("rate_limit_attempts")
        .values({ id, limit_name: rule.name, subject, expires_at: new Date(now.getTime() + rule.windowMs) })
        .execute();
      return 0;
    });
    if (wait > 0) return { granted: false, retryAfterMs: wait };
    return {
      granted: true,
      release: () =>
        this.db
          .deleteFrom("rate_limit_attempts")
          .where("id", "=", id)
          .execute()
          .then(() => undefined),
    };
  }

  /** Forgets every attempt of `key` under `rule` (a right password ends an account's run of wrong ones). */
  async forget(rule: AttemptRule, key: string): Promise<void> {
    await this.db.deleteFrom("rate_limit_attempts").where("limit_name", "=", rule.name).where("subject", "=", subjectOf(key)).execute();
  }
}

/** Deletes attempts that no longer count; only keeps the table small. */
export async function deleteExpiredAttempts(db: Kysely<Tables>, now: Date): Promise<void> {
  await db.deleteFrom("rate_limit_attempts").where("expires_at", "<=", now).execute();
}

const FIFTEEN_MINUTES = 15 * 60_000;

/** Sign-in limits: 5 failures per account and 30 per address in 15 minutes. */
export const SIGN_IN_LIMITS = {
  account: { name: "sign-in/account", attempts: 5, windowMs: FIFTEEN_MINUTES },
  address: { name: "sign-in/address", attempts: 30, windowMs: FIFTEEN_MINUTES },
} as const satisfies Record<string, AttemptRule>;

/** Sign-ups refused because the email is taken, per address: slows finding out who has an account. */
export const SIGN_UP_LIMIT = { name: "sign-up/address", attempts: 10, windowMs: FIFTEEN_MINUTES } as const satisfies AttemptRule;

/** Wrong current passwords (password change, account deletion) per account: a stolen session cannot guess it. */
export const PASSWORD_CHECK_LIMIT = {
  name: "password-check/account",
  attempts: 5,
  windowMs: FIFTEEN_MINUTES,
} as const satisfies AttemptRule;
