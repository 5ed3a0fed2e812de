import type { Kysely, Transaction } from "kysely";
import { initialProgress, type ProgressState } from "../../core/progress.ts";
import type { Program } from "../../core/program.ts";
import type { Tables } from "../db/tables.ts";

type Db = Kysely<Tables> | Transaction<Tables>;

export interface Owner {
  userId: string;
  organisationId: string;
}

/** A user's progress in a program, or where a newcomer starts. Locks the row inside a transaction when asked. */
export async function readProgress(db: Db, owner: Owner, program: Program, lock = false): Promise<ProgressState> {
  let q = db.selectFrom("progress").select("state").where("user_id", "=", owner.userId).where("program_id", "=", program.id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? (row.state as ProgressState) : initialProgress(program);
}

export async function writeProgress(db: Db, owner: Owner, state: ProgressState, now: Date): Promise<void> {
  await db
    .insertInto("progress")
    .values({
      user_id: owner.userId,
      program_id: state.programId,
      organisation_id: owner.organisationId,
      state: JSON.stringify(state),
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(["user_id", "program_id"]).doUpdateSet({ state: JSON.stringify(state), updated_at: now }))
    .execute();
}

/**
 * Changes a user's progress with `change` inside one transaction, so two devices saving at
 * once both count: the second waits for the first and works from its result.
 */
export async function updateProgress(
  db: Kysely<Tables>,
  owner: Owner,
  program: Program,
  change: (current: ProgressState) => ProgressState,
  now: Date,
): Promise<ProgressState> {
  return db.transaction().execute(async (tx) => {
    const next = change(await readProgressForUpdate(tx, owner, program, now));
    await writeProgress(tx, owner, next, now);
    return next;
  });
}

/**
 * Reads a user's progress and locks its row until the transaction ends, making the row first
 * when this is their first session (the common case, a row already there, takes one query).
 */
export async function readProgressForUpdate(tx: Transaction<Tables>, owner: Owner, program: Program, now: Date): Promise<ProgressState> {
  const select = () =>
    tx
      .selectFrom("progress")
      .select("state")
      .where("user_id", "=", owner.userId)
      .where("program_id", "=", program.id)
      .forUpdate()
      .executeTakeFirst();
  let row = await select();
  if (!row) {
    await lockProgressRow(tx, owner, program, now);
    row = await select();
  }
  return row ? (row.state as ProgressState) : initialProgress(program);
}

/** Makes sure the progress row exists so `for update` has something to lock; a concurrent first insert wins harmlessly. */
export async function lockProgressRow(tx: Transaction<Tables>, owner: Owner, program: Program, now: Date): Promise<void> {
  await tx
    .insertInto("progress")
    .values({
      user_id: owner.userId,
      program_id: program.id,
      organisation_id: owner.organisationId,
      state: JSON.stringify(initialProgress(program)),
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(["user_id", "program_id"]).doNothing())
    .execute();
}

export async function listProgress(db: Db, userId: string): Promise<{ programId: string; state: ProgressState; updatedAt: string }[]> {
  const rows = await db
    .selectFrom("progress")
    .select(["program_id", "state", "updated_at"])
    .where("user_id", "=", userId)
    .orderBy("program_id")
    .execute();
  return rows.map((r) => ({ programId: r.program_id, state: r.state as ProgressState, updatedAt: new Date(r.updated_at).toISOString() }));
}
