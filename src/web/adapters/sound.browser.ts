import type { Clock } from "./clock.ts";
import { tones } from "../../core/soundtrack/tones.ts";
import type { Beep, Sound } from "./sound.ts";

/**
 * Web Audio beeps. A beep's monotonic `at` becomes audio time by the offset between the two
 * clocks measured when it is planned, so the hardware plays it on time even if the page's
 * timers are late (a hidden tab, a busy phone).
 */
/**
 * Audio time minus monotonic time, in seconds. The output timestamp pairs an audio moment with the
 * monotonic moment it leaves the speaker, so a beep mapped through it is heard when due and the
 * pairing does not jump; `currentTime` read against `clock.now()` is only as fresh as the last audio
 * callback (here it wandered by 11 ms where the output timestamp moved by 0.2 ms). The stamp serves
 * only when it agrees with the plain reading to within 0.1 s: it is empty before the context has
 * output anything, can be left over from before the context was resumed (seen 1.3 s old), and is on
 * the page's own performance clock, which a faked `clock` does not read.
 */
export function clockOffsetS(audio: Pick<AudioContext, "currentTime" | "getOutputTimestamp">, clockNowMs: number): number {
  const plain = audio.currentTime - clockNowMs / 1000;
  const out = typeof audio.getOutputTimestamp === "function" ? audio.getOutputTimestamp() : undefined;
  if (!out?.contextTime || !out.performanceTime) return plain;
  const stamped = out.contextTime - out.performanceTime / 1000;
  return Math.abs(stamped - plain) < 0.1 ? stamped : plain;
}

export function browserSound(clock: Clock, loudness: () => number = () => 0.18): Sound {
  let ctx: AudioContext | null = null;
  const scheduled = new Map<string, { nodes: OscillatorNode[]; endsAt: number }>();

  function context(): AudioContext | null {
    if (ctx) return ctx;
    const Ctor = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return null;
    ctx = new Ctor();
    return ctx;
  }

  function play(audio: AudioContext, beep: Beep, when: number): OscillatorNode[] {
    const volume = Math.max(0.0002, loudness());
    return tones[beep.kind].map((note) => {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      const start = when + note.startS;
      const end = start + note.lengthS;
      osc.type = "sine";
      osc.frequency.value = note.hz;
      gain.gain.setValueAtTime(0, start);
      gain.gain.linearRampToValueAtTime(volume, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, end);
      osc.connect(gain).connect(audio.destination);
      osc.start(start);
      osc.stop(end + 0.05);
      return osc;
    });
  }

  function cancel(key: string) {
    const entry = scheduled.get(key);
    if (!entry) return;
    for (const node of entry.nodes) {
      try {
        node.stop();
      } catch {
        // already stopped: nothing left to cancel
      }
      node.disconnect();
    }
    scheduled.delete(key);
  }

  return {
    unlock() {
      const audio = context();
      if (audio && audio.state === "suspended") void audio.resume();
    },
    plan(beeps) {
      const audio = context();
      if (!audio) return;
      const wanted = new Set(beeps.map((b) => b.key));
      const audioNow = audio.currentTime;
      for (const [key, entry] of scheduled) {
        if (entry.endsAt < audioNow) scheduled.delete(key);
        else if (!wanted.has(key)) cancel(key);
      }
      const offsetS = clockOffsetS(audio, clock.now());
      for (const beep of beeps) {
        if (scheduled.has(beep.key)) continue;
        const when = beep.at / 1000 + offsetS;
        // A beep more than a moment late would only confuse: it is dropped, not played late.
        if (when < audioNow - 0.15) continue;
        const nodes = play(audio, beep, Math.max(when, audioNow));
        scheduled.set(beep.key, { nodes, endsAt: Math.max(when, audioNow) + 1.2 });
      }
    },
    cancelAll() {
      for (const key of [...scheduled.keys()]) cancel(key);
    },
  };
}
