import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../../content/index.ts";
import {
  BACK_GRACE_MS,
  createPlayer,
  currentStep,
  nextDueAt,
  remainingInStep,
  updatePlayer,
  type PlayerEvent,
  type PlayerState,
} from "./player.ts";
import { summariseSession } from "./session-log.ts";
import { compileTimeline } from "./timeline.ts";

const program = builtInProgram(defaultProgramId)!;
const timeline = compileTimeline(program, null);
const T0 = 1_000_000;

/** A fake monotonic clock driving the player, collecting every cue it emits. */
function drive(initial = createPlayer(timeline)) {
  let state: PlayerState = initial;
  const cues: PlayerState["cues"] = [];
  const send = (event: PlayerEvent["type"], now: number) => {
    state = updatePlayer(state, { type: event } as PlayerEvent, now);
    cues.push(...state.cues);
    return state;
  };
  return {
    send,
    cues,
    get state() {
      return state;
    },
  };
}

/** A small deterministic pseudo-random sequence, so jittered tick tests are repeatable. */
function jitter(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

describe("player", () => {
  it("is ready and silent before it starts", () => {
    const p = createPlayer(timeline);
    expect(p.status).toBe("ready");
    expect(nextDueAt(p)).toBeNull();
  });

  it("announces the first step the moment it starts", () => {
    const d = drive();
    d.send("start", T0);
    expect(d.state.status).toBe("playing");
    expect(d.cues).toEqual([{ kind: "step", at: T0, stepIndex: 0, text: timeline.steps[0]!.say }]);
  });

  it("begins every step exactly at its planned offset however irregular the ticks", () => {
    const d = drive();
    d.send("start", T0);
    const rand = jitter(7);
    let now = T0;
    while (d.state.status === "playing") d.send("tick", (now += 50 + rand() * 900));
    const starts = d.cues.filter((c) => c.kind === "step" || c.kind === "switch-side" || c.kind === "done");
    expect(starts.map((c) => c.stepIndex)).toEqual(timeline.steps.map((_, i) => i));
    starts.forEach((c) => expect(c.at).toBe(T0 + timeline.steps[c.stepIndex]!.offset * 1000));
  });

  it("finishes exactly the session's length after it started, completed", () => {
    const d = drive();
    d.send("start", T0);
    d.send("tick", T0 + timeline.totalSeconds * 1000 + 12_345);
    expect(d.state.status).toBe("finished");
    expect(d.state.completed).toBe(true);
    expect(d.state.finishedAt).toBe(T0 + timeline.totalSeconds * 1000);
    expect(d.cues.at(-1)).toMatchObject({ kind: "done", text: "That is the whole session. Well done." });
  });

  it("loses no cue when one late tick crosses many steps, and keeps their order and due times", () => {
    const stepwise = drive();
    stepwise.send("start", T0);
    for (let t = T0; stepwise.state.status === "playing"; t += 100) stepwise.send("tick", t);
    const oneJump = drive();
    oneJump.send("start", T0);
    oneJump.send("tick", T0 + 10 * 60 * 1000);
    expect(oneJump.cues).toEqual(stepwise.cues);
  });

  it("counts down 3-2-1 in the last three seconds of every hold and says halfway in holds of 10 s or more", () => {
    const d = drive();
    d.send("start", T0);
    d.send("tick", T0 + timeline.totalSeconds * 1000);
    timeline.steps.forEach((step, i) => {
      if (step.kind !== "hold") return;
      const start = T0 + step.offset * 1000;
      const end = start + step.seconds * 1000;
      const mine = d.cues.filter((c) => c.stepIndex === i);
      expect(mine.filter((c) => c.kind === "countdown").map((c) => [c.count, c.at])).toEqual([
        [3, end - 3000],
        [2, end - 2000],
        [1, end - 1000],
      ]);
      expect(mine.filter((c) => c.kind === "halfway").map((c) => c.at)).toEqual([start + (step.seconds * 1000) / 2]);
    });
  });

  it("says switch sides when a two-sided exercise changes foot", () => {
    const d = drive();
    d.send("start", T0);
    d.send("tick", T0 + timeline.totalSeconds * 1000);
    expect(d.cues.filter((c) => c.kind === "switch-side")).toHaveLength(3);
  });

  it("emits each cue once even when ticks repeat the same instant", () => {
    const d = drive();
    d.send("start", T0);
    for (let i = 0; i < 5; i++) d.send("tick", T0 + 13_000);
    const keys = d.cues.map((c) => `${c.kind}:${c.stepIndex}:${c.at}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("freezes the countdown while paused and shifts every later boundary by exactly the pause", () => {
    const d = drive();
    d.send("start", T0);
    d.send("tick", T0 + 4_000);
    d.send("pause", T0 + 4_000);
    expect(remainingInStep(d.state, T0 + 60_000)).toBe(timeline.steps[0]!.seconds * 1000 - 4_000);
    d.send("tick", T0 + 60_000);
    expect(d.state.index).toBe(0);
    d.send("resume", T0 + 64_000);
    d.send("tick", T0 + timeline.totalSeconds * 1000 + 60_000);
    const pause = 60_000;
    const starts = d.cues.filter((c) => c.kind === "step" && c.stepIndex > 0);
    starts.forEach((c) => expect(c.at).toBe(T0 + pause + timeline.steps[c.stepIndex]!.offset * 1000));
    expect(d.state.finishedAt).toBe(T0 + pause + timeline.totalSeconds * 1000);
  });

  it("lands a pause that arrives after a boundary in the step that was really running", () => {
    const d = drive();
    d.send("start", T0);
    const firstEnds = timeline.steps[0]!.seconds * 1000;
    d.send("pause", T0 + firstEnds + 1_500);
    expect(d.state.index).toBe(1);
    expect(d.state.pausedElapsed).toBe(1_500);
  });

  it("has zero cumulative drift across many pauses and resumes at random moments", () => {
    const d = drive();
    d.send("start", T0);
    const rand = jitter(42);
    let now = T0;
    let paused = 0;
    while (d.state.status === "playing") {
      now += 200 + rand() * 3_000;
      if (rand() < 0.1) {
        d.send("pause", now);
        const gap = Math.round(rand() * 120_000);
        paused += gap;
        now += gap;
        d.send("resume", now);
      } else d.send("tick", now);
    }
    expect(d.state.finishedAt).toBe(T0 + timeline.totalSeconds * 1000 + paused);
  });

  it("does nothing on tick while paused", () => {
    const d = drive();
    d.send("start", T0);
    d.send("pause", T0 + 1000);
    const before = d.state;
    d.send("tick", T0 + 900_000);
    expect(d.state.index).toBe(before.index);
    expect(d.state.pausedElapsed).toBe(before.pausedElapsed);
    expect(d.state.cues).toEqual([]);
  });

  it("announces pausing and resuming", () => {
    const d = drive();
    d.send("start", T0);
    d.send("pause", T0 + 1000);
    d.send("resume", T0 + 5000);
    expect(d.cues.map((c) => c.kind)).toEqual(["step", "paused", "resumed"]);
  });

  it("skips to the next step at once, marking the skipped step with the time spent in it", () => {
    const d = drive();
    d.send("start", T0);
    d.send("skip", T0 + 2_500);
    expect(d.state.index).toBe(1);
    expect(d.state.stepStartedAt).toBe(T0 + 2_500);
    expect(d.state.spentMs[0]).toBe(2_500);
    expect(d.state.skipped[0]).toBe(true);
    expect(d.cues.at(-1)).toMatchObject({ kind: "step", stepIndex: 1, at: T0 + 2_500 });
  });

  it("stays paused when skipping while paused, at the start of the next step", () => {
    const d = drive();
    d.send("start", T0);
    d.send("pause", T0 + 3_000);
    d.send("skip", T0 + 9_000);
    expect(d.state.status).toBe("paused");
    expect(d.state.index).toBe(1);
    expect(d.state.pausedElapsed).toBe(0);
    d.send("resume", T0 + 20_000);
    expect(d.state.stepStartedAt).toBe(T0 + 20_000);
  });

  it("goes back to the previous step when back comes right after a step began", () => {
    const d = drive();
    d.send("start", T0);
    d.send("skip", T0 + 1_000);
    d.send("back", T0 + 1_000 + BACK_GRACE_MS - 1);
    expect(d.state.index).toBe(0);
    expect(d.state.stepStartedAt).toBe(T0 + 1_000 + BACK_GRACE_MS - 1);
  });

  it("restarts the current step when back comes later in the step", () => {
    const d = drive();
    d.send("start", T0);
    d.send("skip", T0 + 1_000);
    d.send("back", T0 + 1_000 + BACK_GRACE_MS + 1);
    expect(d.state.index).toBe(1);
    expect(d.state.stepStartedAt).toBe(T0 + 1_000 + BACK_GRACE_MS + 1);
    expect(d.cues.at(-1)).toMatchObject({ kind: "step", stepIndex: 1 });
  });

  it("stays on the first step when going back from it", () => {
    const d = drive();
    d.send("start", T0);
    d.send("back", T0 + 500);
    expect(d.state.index).toBe(0);
  });

  it("restarts the whole session from the first step", () => {
    const d = drive();
    d.send("start", T0);
    d.send("tick", T0 + 100_000);
    d.send("restart", T0 + 100_000);
    expect(d.state.index).toBe(0);
    expect(d.state.startedAt).toBe(T0 + 100_000);
    expect(d.state.spentMs.every((s) => s === null)).toBe(true);
    expect(d.state.cues).toEqual([{ kind: "step", at: T0 + 100_000, stepIndex: 0, text: timeline.steps[0]!.say }]);
  });

  it("finishes early on request, not completed, recording the partial step", () => {
    const d = drive();
    d.send("start", T0);
    d.send("tick", T0 + 20_000);
    d.send("finish", T0 + 20_000);
    expect(d.state.status).toBe("finished");
    expect(d.state.completed).toBe(false);
    expect(d.state.finishedAt).toBe(T0 + 20_000);
    expect(d.cues.at(-1)!.kind).toBe("stopped");
  });

  it("ignores events that make no sense in the current status", () => {
    const ready = createPlayer(timeline);
    for (const type of ["tick", "pause", "resume", "skip", "back", "restart", "finish"] as const) {
      const next = updatePlayer(ready, { type }, T0);
      expect(next.status).toBe("ready");
      expect(next.cues).toEqual([]);
    }
    const d = drive();
    d.send("start", T0);
    d.send("finish", T0 + 1);
    for (const type of ["start", "pause", "resume", "skip", "back", "finish"] as const) {
      expect(updatePlayer(d.state, { type }, T0 + 5).status).toBe("finished");
    }
  });

  it("ends the session when the last real step is skipped", () => {
    const d = drive();
    d.send("start", T0);
    for (let i = 0; i < timeline.steps.length - 1; i++) d.send("skip", T0 + i);
    expect(d.state.status).toBe("finished");
    expect(d.state.completed).toBe(true);
  });

  it("tells the shell when the next cue or boundary is due", () => {
    const d = drive();
    d.send("start", T0);
    const first = timeline.steps[0]!;
    expect(nextDueAt(d.state)).toBe(T0 + (first.seconds - 3) * 1000);
    d.send("tick", T0 + (first.seconds - 3) * 1000);
    expect(nextDueAt(d.state)).toBe(T0 + (first.seconds - 2) * 1000);
    d.send("tick", T0 + first.seconds * 1000 - 1);
    expect(nextDueAt(d.state)).toBe(T0 + first.seconds * 1000);
    expect(currentStep(d.state).kind).toBe("prepare");
  });

  it("summarises a completed session as 25 holds each held for its planned time", () => {
    const d = drive();
    d.send("start", T0);
    d.send("tick", T0 + timeline.totalSeconds * 1000);
    const s = summariseSession(d.state);
    expect(s.completed).toBe(true);
    expect(s.holds).toHaveLength(25);
    expect(s.holdsPlanned).toBe(25);
    expect(s.holds.every((h) => h.heldSeconds === h.plannedSeconds && !h.skipped)).toBe(true);
    expect(s.stepsDone).toBe(s.stepsTotal);
    expect(s.activeMs).toBe(timeline.totalSeconds * 1000);
  });

  it("summarises a skipped hold with the seconds really held", () => {
    const d = drive();
    d.send("start", T0);
    const firstHold = timeline.steps.findIndex((s) => s.kind === "hold");
    d.send("tick", T0 + timeline.steps[firstHold]!.offset * 1000 + 4_260);
    d.send("skip", T0 + timeline.steps[firstHold]!.offset * 1000 + 4_260);
    d.send("finish", T0 + timeline.steps[firstHold]!.offset * 1000 + 5_000);
    const s = summariseSession(d.state);
    expect(s.completed).toBe(false);
    expect(s.holds[0]).toMatchObject({ heldSeconds: 4.3, plannedSeconds: 10, skipped: true, side: "left", rep: 1 });
    expect(s.holds).toHaveLength(1);
    // The session planned 25 holds, so it reads "0 of 25 holds", never "completed".
    expect(s.holdsPlanned).toBe(25);
    expect(s.stepsDone).toBe(firstHold + 2);
  });
});
