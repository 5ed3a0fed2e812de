import { describe, expect, it } from "vitest";
import { isRememberedPlan, planFor, type RememberedPlan } from "./plan-memory.ts";

const plan: RememberedPlan = {
  programId: "foot-stretches-for-lower-back-pain",
  title: "Foot stretches for lower back pain",
  minutes: 7,
  schedule: { kind: "weekdays", days: ["mon", "thu"], timesPerWeek: null, startDate: "2026-11-02", endDate: null },
};

describe("the plan kept on the device", () => {
  it("accepts a plan as the app stores it", () => {
    expect(isRememberedPlan(plan)).toBe(true);
    expect(
      isRememberedPlan({ ...plan, schedule: { ...plan.schedule, kind: "per-week", days: [], timesPerWeek: 3, endDate: "2027-01-31" } }),
    ).toBe(true);
  });

  it("reads anything else as no plan instead of failing later", () => {
    for (const damaged of [
      null,
      "a plan",
      { ...plan, minutes: "7" },
      { ...plan, schedule: undefined },
      { ...plan, schedule: { ...plan.schedule, kind: "monthly" } },
      { ...plan, schedule: { ...plan.schedule, days: ["someday"] } },
      { ...plan, schedule: { ...plan.schedule, startDate: "2026-02-30" } },
      { ...plan, schedule: { ...plan.schedule, timesPerWeek: 9 } },
      { ...plan, schedule: { ...plan.schedule, endDate: 20270131 } },
    ]) {
      expect(isRememberedPlan(damaged), JSON.stringify(damaged)).toBe(false);
    }
  });

  it("says whether today is planned and when the next planned day is", () => {
    expect(planFor(plan, "2026-11-26")).toEqual({ today: true, next: "2026-11-30" }); // a Thursday
    expect(planFor(plan, "2026-11-25")).toEqual({ today: false, next: "2026-11-26" });
    expect(planFor({ ...plan, schedule: { ...plan.schedule, startDate: "2027-06-01" } }, "2026-11-25")).toEqual({
      today: false,
      next: null,
    });
  });
});
