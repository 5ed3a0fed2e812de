import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fakeClock } from "../../../test/support/fake-clock.ts";
import { browserSound } from "./sound.browser.ts";

/** Just enough of Web Audio to see when oscillators are told to start and stop. */
class FakeAudioContext {
  static last: FakeAudioContext | null = null;
  currentTime = 100;
  state = "running";
  destination = {};
  starts: { hz: number; at: number }[] = [];
  stopped = 0;
  /** What getOutputTimestamp answers; empty, as before the context has output anything. */
  output: { contextTime?: number; performanceTime?: number } = {};
  getOutputTimestamp() {
    return this.output;
  }
  constructor() {
    FakeAudioContext.last = this;
  }
  resume() {
    return Promise.resolve();
  }
  createGain() {
    const param = { setValueAtTime() {}, linearRampToValueAtTime() {}, exponentialRampToValueAtTime() {} };
    return { gain: param, connect: (n: unknown) => n };
  }
  createOscillator() {
    const ctx = this;
    const osc = {
      type: "sine",
      frequency: { value: 0 },
      connect: (n: unknown) => n,
      disconnect() {},
      start(at: number) {
        ctx.starts.push({ hz: osc.frequency.value, at });
      },
      stop(at?: number) {
        if (at === undefined) ctx.stopped++;
      },
    };
    return osc;
  }
}

beforeEach(() => {
  (globalThis as unknown as { window: unknown }).window = { AudioContext: FakeAudioContext };
});
afterEach(() => {
  delete (globalThis as unknown as { window?: unknown }).window;
});

describe("browser sound", () => {
  it("schedules a beep on the audio clock at the same distance ahead as it is on the monotonic clock", () => {
    const clock = fakeClock(5_000);
    const sound = browserSound(clock);
    sound.plan([{ key: "a", kind: "countdown", at: 7_500 }]);
    expect(FakeAudioContext.last!.starts).toEqual([{ hz: 440, at: 102.5 }]);
  });

  it("does not schedule a beep twice when the plan is repeated", () => {
    const clock = fakeClock(0);
    const sound = browserSound(clock);
    const plan = [{ key: "a", kind: "countdown" as const, at: 1_000 }];
    sound.plan(plan);
    sound.plan(plan);
    expect(FakeAudioContext.last!.starts).toHaveLength(1);
  });

  it("cancels beeps that are no longer planned, as after a pause or a skip", () => {
    const clock = fakeClock(0);
    const sound = browserSound(clock);
    sound.plan([{ key: "a", kind: "step", at: 3_000 }]);
    sound.plan([]);
    expect(FakeAudioContext.last!.stopped).toBe(2);
  });

  it("drops a beep that would already be late rather than play it out of time", () => {
    const clock = fakeClock(10_000);
    const sound = browserSound(clock);
    sound.plan([
      { key: "late", kind: "countdown", at: 9_000 },
      { key: "now", kind: "countdown", at: 9_950 },
    ]);
    expect(FakeAudioContext.last!.starts).toEqual([{ hz: 440, at: 100 }]);
  });

  it("maps through the output timestamp when it is on the clock's timeline, so the beep is heard when due", () => {
    const clock = fakeClock(5_000);
    const sound = browserSound(clock);
    sound.unlock();
    // The sample at audio 99.96 s leaves the speaker at page time 4_990 ms (currentTime, 100, runs ahead of it).
    FakeAudioContext.last!.output = { contextTime: 99.96, performanceTime: 4_990 };
    sound.plan([{ key: "a", kind: "countdown", at: 7_500 }]);
    expect(FakeAudioContext.last!.starts).toEqual([{ hz: 440, at: 102.47 }]);
  });

  it("ignores an output timestamp left from before the context resumed (1.3 s old) and maps by currentTime", () => {
    const clock = fakeClock(5_000);
    const sound = browserSound(clock);
    sound.unlock();
    FakeAudioContext.last!.output = { contextTime: 99.96, performanceTime: 3_700 };
    sound.plan([{ key: "a", kind: "countdown", at: 7_500 }]);
    expect(FakeAudioContext.last!.starts).toEqual([{ hz: 440, at: 102.5 }]);
  });

  it("ignores an output timestamp far from the clock's reading (a faked clock) and maps by currentTime", () => {
    const clock = fakeClock(5_000);
    const sound = browserSound(clock);
    sound.unlock();
    FakeAudioContext.last!.output = { contextTime: 99.96, performanceTime: 900_000 };
    sound.plan([{ key: "a", kind: "countdown", at: 7_500 }]);
    expect(FakeAudioContext.last!.starts).toEqual([{ hz: 440, at: 102.5 }]);
  });
});
