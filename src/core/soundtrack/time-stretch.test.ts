import { describe, expect, it } from "vitest";
import { stretchSpeech } from "./time-stretch.ts";

const RATE = 22_050;
const tone = (hz: number, seconds: number) =>
  Float32Array.from({ length: Math.round(seconds * RATE) }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / RATE));
/** Upward zero crossings per second: the pitch of a pure tone. */
const pitch = (x: Float32Array) => {
  let n = 0;
  for (let i = 1; i < x.length; i++) if (x[i - 1]! < 0 && x[i]! >= 0) n++;
  return (n * RATE) / x.length;
};

describe("stretchSpeech", () => {
  it("speaks a second of sound in 0.8 s at rate 1.25 and in 1.2 s at rate 1/1.2, at the same pitch", () => {
    const a = tone(220, 1);
    const fast = stretchSpeech(a, 1.25, RATE);
    const slow = stretchSpeech(a, 1 / 1.2, RATE);
    expect(fast.length).toBe(17_640);
    expect(slow.length).toBe(26_460);
    expect(Math.abs(pitch(fast) - 220)).toBeLessThan(3);
    expect(Math.abs(pitch(slow) - 220)).toBeLessThan(3);
  });

  it("keeps the loudness of a steady sound", () => {
    const slow = stretchSpeech(tone(220, 1), 0.8, RATE);
    const peak = Math.max(...Array.from(slow.subarray(2000, 20000), Math.abs));
    expect(peak).toBeGreaterThan(0.45);
    expect(peak).toBeLessThan(0.55);
  });

  it("gives an exact copy at rate 1", () => {
    const a = tone(300, 0.1);
    expect(Array.from(stretchSpeech(a, 1, RATE))).toEqual(Array.from(a));
  });
});
