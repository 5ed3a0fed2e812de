import type { Clock } from "../clock.ts";

export interface RateLimitRule {
  /** Failures allowed inside the window before further attempts are refused. */
  failures: number;
  windowMs: number;
}

/**
 * Counts failed attempts per key (an account or an address) over a sliding window read from
 * an injected clock. Memory stays small: old failures are dropped as keys are touched.
 */
export class FailureLimiter {
  private readonly failuresByKey = new Map<string, number[]>();

  constructor(
    private readonly rule: RateLimitRule,
    private readonly clock: Clock,
  ) {}

  /** Milliseconds until this key may try again, or 0 when it may try now. */
  retryAfterMs(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.rule.failures) return 0;
    return recent[recent.length - this.rule.failures]! + this.rule.windowMs - this.clock.now().getTime();
  }

  recordFailure(key: string): void {
    const recent = this.recent(key);
    recent.push(this.clock.now().getTime());
    this.failuresByKey.set(key, recent);
  }

  reset(key: string): void {
    this.failuresByKey.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.clock.now().getTime() - this.rule.windowMs;
    const kept = (this.failuresByKey.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.failuresByKey.delete(key);
    else this.failuresByKey.set(key, kept);
    return kept;
  }
}

/** Sign-in limits: 5 failures per account and 30 per address in 15 minutes. */
export const SIGN_IN_LIMITS = {
  account: { failures: 5, windowMs: 15 * 60_000 },
  address: { failures: 30, windowMs: 15 * 60_000 },
} as const;

/** Sign-ups refused because the email is taken, per address: slows finding out who has an account. */
export const SIGN_UP_LIMIT = { failures: 10, windowMs: 15 * 60_000 } as const;

/** Wrong current passwords (password change, account deletion) per account: a stolen session cannot guess it. */
export const PASSWORD_CHECK_LIMIT = { failures: 5, windowMs: 15 * 60_000 } as const;
