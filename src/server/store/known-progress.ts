import type { Kysely } from "kysely";
import type { ProgressState } from "../../core/progress.ts";
import type { Tables } from "../db/tables.ts";

/** How many users' progress one server remembers; the oldest remembered is forgotten first. */
const REMEMBERED = 10_000;

/**
 * The progress this server last wrote or read for a user and program: only a guess, checked by
 * the database when a log is recorded (another process, or a hold set by hand, may have moved it
 * since). A right guess lets a log be recorded in one round trip; a wrong one costs one more.
 */
export class KnownProgress {
  private readonly states = new Map<string, ProgressState>();

  get(userId: string, programId: string): ProgressState | undefined {
    return this.states.get(`${userId} ${programId}`);
  }

  set(userId: string, programId: string, state: ProgressState): void {
    const key = `${userId} ${programId}`;
    this.states.delete(key);
    this.states.set(key, state);
    if (this.states.size > REMEMBERED) this.states.delete(this.states.keys().next().value!);
  }
}

const perDatabase = new WeakMap<Kysely<Tables>, KnownProgress>();

/** The guesses kept for one database handle. */
export function knownProgressOf(db: Kysely<Tables>): KnownProgress {
  let known = perDatabase.get(db);
  if (!known) perDatabase.set(db, (known = new KnownProgress()));
  return known;
}
