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
  /** The last piece of work queued for each user and program, while any is queued. */
  private readonly queued = new Map<string, Promise<unknown>>();

  /**
   * Runs `work` for a user and program once the work queued before it for the same pair has
   * ended. Logs of one user that arrive together then move their progress one after another, each
   * from the state the one before it left, instead of all guessing the same state and all but one
   * going back to the database to try again.
   */
  inTurn<T>(userId: string, programId: string, work: () => Promise<T>): Promise<T> {
    const key = `${userId} ${programId}`;
    const before = this.queued.get(key);
    const mine = before ? before.then(work, work) : work();
    const tail = mine.catch(() => undefined);
    this.queued.set(key, tail);
    void tail.then(() => {
      if (this.queued.get(key) === tail) this.queued.delete(key);
    });
    return mine;
  }

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
