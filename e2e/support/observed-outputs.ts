import type { BrowserContext, Page } from "playwright-core";

/** What the page asked the browser to say, buzz, keep awake or play, recorded in the page. */
export interface ObservedOutputs {
  /** Every line the speech adapter was asked to say (the app's "limber:speech" events). */
  requested: { text: string; mode: string; dropped: boolean }[];
  /** What actually reached speechSynthesis.speak. */
  spoken: { text: string; rate: number; at: number }[];
  cancels: number;
  vibrations: number[][];
  wakeLockRequests: number;
  oscillatorStarts: number;
  /**
   * Each oscillator started: its pitch, the audio time it was told to start at, both clocks at that
   * call, and the context's output timestamp then (an audio moment and the page time it is heard).
   */
  oscillators: Oscillator[];
}

interface Oscillator {
  hz: number;
  when: number;
  audioNow: number;
  perfNow: number;
  audioState: string;
  output: { contextTime: number; performanceTime: number };
}

/**
 * Wraps the browser APIs behind the speech, vibration, wake-lock and sound adapters so a test
 * can see every request the real adapters make. Headless Chromium has no voices, so what is
 * checked is that speech was requested, with which words, in which order.
 */
export async function observeOutputs(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen = {
      requested: [] as { text: string; mode: string; dropped: boolean }[],
      spoken: [] as { text: string; rate: number; at: number }[],
      cancels: 0,
      vibrations: [] as number[][],
      wakeLockRequests: 0,
      oscillatorStarts: 0,
      oscillators: [] as Oscillator[],
    };
    (window as unknown as { __observed: typeof seen }).__observed = seen;
    window.addEventListener("limber:speech", (e) => seen.requested.push({ ...(e as CustomEvent).detail }));
    const synth = window.speechSynthesis;
    if (synth) {
      const speak = synth.speak.bind(synth);
      const cancel = synth.cancel.bind(synth);
      synth.speak = (u: SpeechSynthesisUtterance) => {
        seen.spoken.push({ text: u.text, rate: u.rate, at: performance.now() });
        speak(u);
      };
      synth.cancel = () => {
        seen.cancels++;
        cancel();
      };
    }
    if (typeof navigator.vibrate === "function") {
      const vibrate = navigator.vibrate.bind(navigator);
      navigator.vibrate = ((pattern: number | number[]) => {
        seen.vibrations.push(Array.isArray(pattern) ? [...pattern] : [pattern]);
        return vibrate(pattern);
      }) as typeof navigator.vibrate;
    }
    if (navigator.wakeLock) {
      const request = navigator.wakeLock.request.bind(navigator.wakeLock);
      const held: WakeLockSentinel[] = [];
      // Lets a test play the browser's part and drop the lock, as it does when a page is hidden.
      (window as unknown as { __wakeLocks: WakeLockSentinel[] }).__wakeLocks = held;
      navigator.wakeLock.request = async (type?: "screen") => {
        seen.wakeLockRequests++;
        const lock = await request(type);
        held.push(lock);
        return lock;
      };
    }
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
      seen.oscillatorStarts++;
      seen.oscillators.push({
        hz: this.frequency.value,
        when: when ?? 0,
        audioNow: this.context.currentTime,
        perfNow: performance.now(),
        audioState: this.context.state,
        output: (() => {
          const o = (this.context as AudioContext).getOutputTimestamp();
          return { contextTime: o.contextTime ?? 0, performanceTime: o.performanceTime ?? 0 };
        })(),
      });
      return start.call(this, when);
    };
  });
}

export function readObserved(page: Page): Promise<ObservedOutputs> {
  return page.evaluate(() => (window as unknown as { __observed: ObservedOutputs }).__observed);
}
