import type { Kysely } from "kysely";
import type { Tables } from "../db/tables.ts";

/** How many sessions' users one server remembers; the one seen longest ago is forgotten first. */
const REMEMBERED = 10_000;

/**
 * Which user a session (by its token's hash) belongs to, as this server has seen it looked up. A
 * session's user never changes, so this is never stale, but it is only a hint of whose request it
 * is: it lets nobody in. `POST /api/logs` uses it to name the user in the one statement that
 * checks the session (live, unexpired, with this CSRF token) and records the log, so a session that
 * was ended (signing out, a new password, a deleted account) is refused by that statement as soon
 * as its row is gone, on any server process.
 */
export class SessionOwners {
  private readonly users = new Map<string, string>();

  get(tokenHash: string): string | undefined {
    return this.users.get(tokenHash);
  }

  set(tokenHash: string, userId: string): void {
    this.users.delete(tokenHash);
    this.users.set(tokenHash, userId);
    if (this.users.size > REMEMBERED) this.users.delete(this.users.keys().next().value!);
  }

  forget(tokenHash: string): void {
    this.users.delete(tokenHash);
  }
}

const perDatabase = new WeakMap<Kysely<Tables>, SessionOwners>();

/** The owners remembered for one database handle. */
export function sessionOwnersOf(db: Kysely<Tables>): SessionOwners {
  let owners = perDatabase.get(db);
  if (!owners) perDatabase.set(db, (owners = new SessionOwners()));
  return owners;
}
