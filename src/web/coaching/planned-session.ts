import { signal } from "@preact/signals";
import { addDays } from "../../core/calendar-date.ts";
import { withOverrides } from "../../core/prescription.ts";
import { initialProgress } from "../../core/progress.ts";
import { Schedule, plannedDates } from "../../core/schedule.ts";
import { compileTimeline } from "../../core/timeline.ts";
import { changeProgress, progress } from "../app-data.ts";
import { services } from "../app-services.ts";
import { openSavedPrograms } from "../import/saved-programs.ts";
import { todaysProgram } from "../programs.ts";
import type { MyPlan } from "./coaching-api.ts";

/** What the home page needs to remind someone of their plan, even offline. */
export interface RememberedPlan {
  programId: string;
  title: string;
  minutes: number;
  schedule: Schedule;
}

const KEY = "limber-plan";

function read(): RememberedPlan | null {
  try {
    const raw = typeof localStorage === "undefined" ? null : localStorage.getItem(KEY);
    if (!raw) return null;
    const p = JSON.parse(raw) as RememberedPlan;
    return { ...p, schedule: Schedule.parse(p.schedule) };
  } catch {
    return null;
  }
}

export const rememberedPlan = signal<RememberedPlan | null>(read());

/**
 * Keeps the plan on this device and makes the player use it: the prescribed program is kept
 * where the player finds programs that are not built in, and the coach's holds are pinned in
 * this device's progress for it (the server pins the same ones).
 */
export async function rememberPlan(plan: MyPlan): Promise<void> {
  const { prescription, program } = plan;
  if (!prescription || !program) {
    localStorage.removeItem(KEY);
    rememberedPlan.value = null;
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
  localStorage.setItem(KEY, JSON.stringify(remembered));
  rememberedPlan.value = remembered;
}

/** Whether today is a planned day, and the next planned day after it within four weeks. */
export function planFor(plan: RememberedPlan, today: string): { today: boolean; next: string | null } {
  return {
    today: plannedDates(plan.schedule, today, today).length > 0,
    next: plannedDates(plan.schedule, addDays(today, 1), addDays(today, 28))[0] ?? null,
  };
}
