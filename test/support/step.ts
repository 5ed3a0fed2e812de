import type { Step } from "../../src/core/timeline.ts";

/** A timeline step for tests: a 20 s hold of the left foot, with whatever the test changes. */
export const stepOf = (over: Partial<Step>): Step => ({
  kind: "hold",
  seconds: 20,
  offset: 0,
  exerciseId: "x",
  exerciseName: "X",
  phaseId: "p",
  phaseName: "P",
  motion: null,
  side: "left",
  rep: 1,
  reps: 2,
  title: "t",
  say: "Hold it.",
  ...over,
});
