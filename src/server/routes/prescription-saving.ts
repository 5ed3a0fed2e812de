import { overrideProblems, Prescription, withOverrides } from "../../core/prescription.ts";
import { sessionOf, type AppContext } from "../context.ts";
import { badRequest, readBody } from "../http/problems.ts";
import { findProgram } from "../store/programs.ts";
import { readPrescription, writePrescription } from "../store/prescriptions.ts";
import { updateProgress } from "../store/progress.ts";

/**
 * Validates a prescription body against the schema and the program version it names (which
 * must be visible to the client's organisation), then stores it. Shared by a coach prescribing
 * and a client planning for themselves, so both obey the same rules. Hold overrides are pinned in
 * the client's progress for that program, where the players already read holds from.
 */
export async function savePrescription(c: AppContext, owner: { userId: string; organisationId: string }) {
  const body = await readBody(c, Prescription);
  if (!body.ok) return body.response;
  const { db, clock } = c.get("deps");
  const p = body.value;
  const program = await findProgram(db, p.programId, owner.organisationId, p.programVersion);
  if (!program)
    return badRequest(c, [
      {
        path: "programVersion",
        message: `Choose a program this client can use; "${p.programId}" version ${p.programVersion} is not one.`,
      },
    ]);
  const problems = overrideProblems(program, p.holdOverrides);
  if (problems.length > 0) return badRequest(c, problems);
  await writePrescription(db, owner, p, sessionOf(c).user.id, clock.now());
  // The coach's holds become pinned holds of the client's progress, so every device plays them.
  if (Object.keys(p.holdOverrides).length > 0)
    await updateProgress(db, owner, program, (current) => withOverrides(program, current, p.holdOverrides), clock.now());
  return c.json({ prescription: await readPrescription(db, owner.userId) });
}
