import type { Kysely } from "kysely";
import type { Tables } from "../db/tables.ts";
import { findUserByEmail } from "../store/accounts.ts";
import { insertPasswordReset } from "../store/password-resets.ts";
import type { AttemptRule } from "./rate-limit.ts";
import { newToken, tokenHash } from "./tokens.ts";

/** A reset link works for 30 minutes, once. */
export const RESET_LIFETIME_MS = 30 * 60_000;
/** At most 5 links per account in an hour, so a mistaken loop cannot mint links without end. */
export const RESET_ISSUE_LIMIT = { links: 5, windowMs: 60 * 60_000 } as const;
/** Wrong tokens tried from one address: 20 in 15 minutes, then 429 until the window passes. */
export const RESET_GUESS_LIMIT = { name: "reset-guess/address", attempts: 20, windowMs: 15 * 60_000 } as const satisfies AttemptRule;

/** Reset mails asked for from one client address: 10 in an hour, counted whether or not an account matched. */
export const RESET_REQUEST_LIMIT = { name: "reset-request/address", attempts: 10, windowMs: 60 * 60_000 } as const satisfies AttemptRule;

export type IssuedReset = { ok: true; token: string; expiresAt: Date; displayName: string; email: string } | { ok: false; problem: string };

/**
 * Makes a password-reset token for the account with this email. Only its SHA-256 is stored; the
 * token goes back to the operator once, to hand to the person. Issuing a new one ends the
 * account's earlier unused links.
 */
export async function issuePasswordReset(db: Kysely<Tables>, rawEmail: string, now: Date): Promise<IssuedReset> {
  const email = rawEmail.trim().toLowerCase();
  const user = await findUserByEmail(db, email);
  if (!user) return { ok: false, problem: `no account has the email ${email}` };
  const token = newToken();
  const expiresAt = new Date(now.getTime() + RESET_LIFETIME_MS);
  const stored = await insertPasswordReset(db, { tokenHash: tokenHash(token), userId: user.id, expiresAt }, RESET_ISSUE_LIMIT, now);
  if (!stored.ok)
    return { ok: false, problem: `${email} was given ${stored.recent} reset links in the last hour; wait before making another` };
  return { ok: true, token, expiresAt, displayName: user.display_name, email: user.email };
}

/** The web app's page for a token: the token rides in the fragment, which browsers never send. */
export function resetLinkFor(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/#/reset/${token}`;
}
