import { describe, expect, it } from "vitest";
import type { MixPlan } from "./mix-plan.ts";
import { encodeWav, mixSoundtrack, toneSamples } from "./mix.ts";

const plan = (entries: MixPlan["entries"], totalSamples: number): MixPlan => ({
  sampleRate: 1000,
  totalSamples,
  stepStarts: [0],
  entries,
  unvoiced: [],
});
const speech = (piece: string, startSample: number, lengthSamples: number) =>
  ({ source: { kind: "speech", piece }, startSample, lengthSamples, stepIndex: 0, cue: "step", dueSample: startSample }) as const;

describe("toneSamples", () => {
  it("starts silent, rises over 20 ms to the level, and ends near silence", () => {
    const rate = 48_000;
    const pip = toneSamples("countdown", rate, 0.5); // one 440 Hz note of 0.12 s
    expect(pip.length).toBe(5760);
    expect(pip[0]).toBe(0);
    const peak = (from: number, to: number) => Math.max(...Array.from(pip.subarray(from, to), Math.abs));
    expect(peak(0, 48)).toBeLessThan(0.05); // the first millisecond
    expect(peak(960, 1100)).toBeCloseTo(0.5, 1); // just after the 20 ms rise
    expect(peak(5700, 5760)).toBeLessThan(0.001);
  });
});

describe("mixSoundtrack", () => {
  it("adds each clip at its start sample at the voice level, and clips sums to full scale", () => {
    const clip = (p: string) => (p === "a" ? new Float32Array([0.5, 0.5, 0.5]) : new Float32Array([0.8, 0.8]));
    const out = mixSoundtrack(plan([speech("a", 1, 3), speech("b", 3, 2)], 6), clip, { voice: 1, tones: 0 });
    expect(Array.from(out)).toEqual([0, 0.5, 0.5, 1, 0.800000011920929, 0]);
  });

  it("cuts nothing but what runs past the end of the soundtrack", () => {
    const out = mixSoundtrack(plan([speech("a", 2, 3)], 4), () => new Float32Array([0.25, 0.25, 0.25]), { voice: 1, tones: 0 });
    expect(Array.from(out)).toEqual([0, 0, 0.25, 0.25]);
  });
});

describe("encodeWav", () => {
  it("writes a 16-bit mono PCM header and the samples little-endian", () => {
    const bytes = encodeWav(new Float32Array([0, 1, -1]), 22_050);
    const view = new DataView(bytes.buffer);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe("RIFF");
    expect(new TextDecoder().decode(bytes.subarray(8, 16))).toBe("WAVEfmt ");
    expect([view.getUint32(24, true), view.getUint16(34, true), view.getUint32(40, true)]).toEqual([22_050, 16, 6]);
    expect([view.getInt16(44, true), view.getInt16(46, true), view.getInt16(48, true)]).toEqual([0, 32767, -32767]);
    expect(bytes.length).toBe(50);
  });
});
