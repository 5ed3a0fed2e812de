import { withOverrides } from "../../core/prescription.ts";
import { initialProgress } from "../../core/progress.ts";
import { compileTimeline } from "../../core/timeline.ts";
import { changeProgress, progress } from "../app-data.ts";
import { services } from "../app-services.ts";
import { openSavedPrograms } from "../import/saved-programs.ts";
import { todaysProgram } from "../programs.ts";
import type { MyPlan } from "./coaching-api.ts";
import { keepPlan, type RememberedPlan } from "./plan-memory.ts";

/**
 * Keeps the plan on this device and makes the player use it: the prescribed program is kept
 * where the player finds programs that are not built in, and the coach's holds are pinned in
 * this device's progress for it (the server pins the same ones).
 */
export async function rememberPlan(plan: MyPlan): Promise<void> {
  const { prescription, program } = plan;
  if (!prescription || !program) {
    keepPlan(null);
    return;
  }
  const { store, clock } = services();
  const isToday = program.id === todaysProgram.id;
  const before = (isToday ? progress.value : await store.getProgress(program.id)) ?? initialProgress(program);
  const pinned = withOverrides(program, before, prescription.holdOverrides);
  if (isToday) await changeProgress(store, pinned);
  else {
    await store.putProgress(pinned);
    await openSavedPrograms().put({ id: program.id, program, savedAt: new Date(clock.wallNow()).toISOString(), origin: "imported" });
  }
  const remembered: RememberedPlan = {
    programId: program.id,
    title: program.title,
    minutes: Math.round(compileTimeline(program, pinned).totalSeconds / 60),
    schedule: prescription.schedule,
  };
  keepPlan(remembered);
}
