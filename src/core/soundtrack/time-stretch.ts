/**
 * Speech made faster or slower without changing its pitch (WSOLA: windowed frames overlapped and
 * added, each placed where it best continues the one before), so the speaking-pace setting works on
 * clips rendered at one pace. `rate` 1.25 speaks in 80% of the time; 1 returns a copy.
 */
export function stretchSpeech(samples: Float32Array, rate: number, sampleRate: number): Float32Array {
  if (rate === 1 || samples.length === 0) return samples.slice();
  const frame = Math.round(0.03 * sampleRate); // 30 ms windows…
  const hop = frame >> 1; // …half overlapped on output
  const search = Math.round(0.008 * sampleRate); // a frame may move up to 8 ms to line up
  const outLength = Math.max(1, Math.round(samples.length / rate));
  const out = new Float32Array(outLength + frame);
  const weight = new Float32Array(outLength + frame);
  const window = Float32Array.from({ length: frame }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (frame - 1)));
  const at = (i: number) => (i >= 0 && i < samples.length ? samples[i]! : 0);
  let previous = 0; // where the last frame was read from
  for (let o = 0, k = 0; o < outLength; o += hop, k++) {
    const ideal = Math.round(k * hop * rate);
    let best = ideal;
    if (k > 0) {
      // The frame that best continues the previous one's second half.
      let bestScore = -Infinity;
      for (let d = -search; d <= search; d++) {
        const start = ideal + d;
        let score = 0;
        for (let i = 0; i < hop; i += 2) score += at(previous + hop + i) * at(start + i);
        if (score > bestScore) {
          bestScore = score;
          best = start;
        }
      }
    }
    for (let i = 0; i < frame; i++) {
      out[o + i]! += window[i]! * at(best + i);
      weight[o + i]! += window[i]!;
    }
    previous = best;
  }
  const result = new Float32Array(outLength);
  for (let i = 0; i < outLength; i++) result[i] = weight[i]! > 1e-3 ? out[i]! / weight[i]! : out[i]!;
  return result;
}
