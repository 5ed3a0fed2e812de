import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../../content/index.ts";
import {
  advanceProgress,
  holdSecondsFor,
  initialProgress,
  MANUAL_HOLD_LIMITS,
  progressAfter,
  repsFor,
  sessionProgresses,
  setHoldByHand,
} from "./progress.ts";

const program = builtInProgram(defaultProgramId)!;
const ex = (id: string) => program.exercises.find((e) => e.id === id)!;
const strap = ex("strap-eversion-inversion");
const toe = ex("toe-dorsiflexion-plantar-flexion");
const shin = ex("kneeling-shin-stretch");
const comfortable = { completed: true, painBefore: 4, painAfter: 3 };

describe("progression", () => {
  it("starts every hold at the low end of its range", () => {
    const p = initialProgress(program);
    expect(holdSecondsFor(p, strap, strap.phases[0]!)).toBe(10);
    expect(holdSecondsFor(p, shin, shin.phases[0]!)).toBe(20);
    expect(repsFor(p, toe)).toBe(2);
  });

  it("adds the step to every hold after a comfortable completed session", () => {
    const p = advanceProgress(program, initialProgress(program), comfortable);
    expect(holdSecondsFor(p, strap, strap.phases[0]!)).toBe(12);
    expect(holdSecondsFor(p, strap, strap.phases[1]!)).toBe(12);
    expect(holdSecondsFor(p, shin, shin.phases[0]!)).toBe(25);
    expect(p.sessionsProgressed).toBe(1);
  });

  it("never takes a hold past the top of its range while repetitions can still grow", () => {
    const p = progressAfter(program, 5);
    expect(holdSecondsFor(p, toe, toe.phases[0]!)).toBe(30);
    expect(repsFor(p, toe)).toBe(2);
    const next = progressAfter(program, 6);
    expect(holdSecondsFor(next, toe, toe.phases[0]!)).toBe(30);
    expect(repsFor(next, toe)).toBe(3);
  });

  it("stops an exercise with no cap at the top of both ranges", () => {
    const p = progressAfter(program, 100);
    expect(holdSecondsFor(p, toe, toe.phases[1]!)).toBe(30);
    expect(repsFor(p, toe)).toBe(3);
    expect(holdSecondsFor(p, strap, strap.phases[0]!)).toBe(20);
    expect(repsFor(p, strap)).toBe(3);
  });

  it("keeps adding time to the shin stretch past 60 s up to its cap", () => {
    expect(holdSecondsFor(progressAfter(program, 8), shin, shin.phases[0]!)).toBe(60);
    expect(holdSecondsFor(progressAfter(program, 9), shin, shin.phases[0]!)).toBe(65);
    expect(holdSecondsFor(progressAfter(program, 100), shin, shin.phases[0]!)).toBe(shin.progression.capSeconds);
  });

  it("does not progress after a session that left pain higher than before", () => {
    const start = progressAfter(program, 2);
    const after = advanceProgress(program, start, { completed: true, painBefore: 3, painAfter: 5 });
    expect(after).toBe(start);
  });

  it("does not progress after an abandoned session", () => {
    expect(sessionProgresses({ completed: false, painBefore: null, painAfter: null })).toBe(false);
  });

  it("progresses when pain was not rated, or only after and below 7", () => {
    expect(sessionProgresses({ completed: true, painBefore: null, painAfter: null })).toBe(true);
    expect(sessionProgresses({ completed: true, painBefore: null, painAfter: 6 })).toBe(true);
  });

  it("does not progress after a session that left pain at 7 or more, even when it was higher before", () => {
    expect(sessionProgresses({ completed: true, painBefore: 8, painAfter: 7 })).toBe(false);
    expect(sessionProgresses({ completed: true, painBefore: null, painAfter: 7 })).toBe(false);
  });

  it("progresses when pain stayed the same", () => {
    expect(sessionProgresses({ completed: true, painBefore: 5, painAfter: 5 })).toBe(true);
  });

  it("lets a user shorten a hold by hand and keeps it there as sessions go by", () => {
    let p = setHoldByHand(program, progressAfter(program, 3), strap.id, "eversion", 8);
    expect(holdSecondsFor(p, strap, strap.phases[0]!)).toBe(8);
    for (let i = 0; i < 4; i++) p = advanceProgress(program, p, comfortable);
    expect(holdSecondsFor(p, strap, strap.phases[0]!)).toBe(8);
    expect(holdSecondsFor(p, strap, strap.phases[1]!)).toBe(20);
  });

  it("lets a user lengthen a hold beyond its range", () => {
    const p = setHoldByHand(program, initialProgress(program), toe.id, "toe-dorsiflexion", 50);
    expect(holdSecondsFor(p, toe, toe.phases[0]!)).toBe(50);
  });

  it("clamps a hand-set hold to the allowed limits", () => {
    const low = setHoldByHand(program, initialProgress(program), toe.id, "toe-dorsiflexion", 1);
    expect(holdSecondsFor(low, toe, toe.phases[0]!)).toBe(MANUAL_HOLD_LIMITS.min);
    const high = setHoldByHand(program, initialProgress(program), toe.id, "toe-dorsiflexion", 10_000);
    expect(holdSecondsFor(high, toe, toe.phases[0]!)).toBe(MANUAL_HOLD_LIMITS.max);
  });

  it("hands a hold back to progression when it is unpinned", () => {
    let p = setHoldByHand(program, initialProgress(program), strap.id, "eversion", 14);
    p = setHoldByHand(program, p, strap.id, "eversion", null);
    p = advanceProgress(program, p, comfortable);
    expect(holdSecondsFor(p, strap, strap.phases[0]!)).toBe(16);
  });

  it("adds repetitions only after every free hold of the exercise reached the top", () => {
    let p = setHoldByHand(program, initialProgress(program), toe.id, "toe-dorsiflexion", 6);
    for (let i = 0; i < 5; i++) p = advanceProgress(program, p, comfortable);
    expect(holdSecondsFor(p, toe, toe.phases[1]!)).toBe(30);
    expect(repsFor(p, toe)).toBe(2);
    p = advanceProgress(program, p, comfortable);
    expect(repsFor(p, toe)).toBe(3);
  });

  it("refuses to set a hold on a phase the program does not have", () => {
    expect(() => setHoldByHand(program, initialProgress(program), "nope", "x", 10)).toThrow(/no phase/);
  });

  it("leaves the state it was given untouched", () => {
    const start = initialProgress(program);
    const copy = structuredClone(start);
    advanceProgress(program, start, comfortable);
    setHoldByHand(program, start, strap.id, "eversion", 12);
    expect(start).toEqual(copy);
  });
});
