import type { Speech, SpeechMode } from "./speech.ts";

/** Fired on window for every line asked of the voice, so tools and tests can follow the cues. */
export const SPEECH_EVENT = "limber:speech";
export interface SpeechRequest {
  text: string;
  mode: SpeechMode;
  /** Monotonic instant the cue was due (absent for lines that are not cues). */
  dueAt: number | null;
  /** True when the line was dropped because the voice was still busy. */
  dropped: boolean;
}

function announce(detail: SpeechRequest) {
  window.dispatchEvent(new CustomEvent<SpeechRequest>(SPEECH_EVENT, { detail }));
}

/** Speech through the Web Speech API; a silent stand-in where the browser has none. */
export function browserSpeech(): Speech {
  const synth = typeof window !== "undefined" ? window.speechSynthesis : undefined;
  if (!synth) return { available: false, speak() {}, silence() {} };
  return {
    available: true,
    speak({ text, mode, rate, volume, dueAt }) {
      const dropped = mode === "if-idle" && (synth.speaking || synth.pending);
      announce({ text, mode, dueAt: dueAt ?? null, dropped });
      if (dropped) return;
      if (mode === "interrupt") synth.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.rate = rate;
      if (volume !== undefined) utterance.volume = volume;
      utterance.lang = document.documentElement.lang || "en";
      synth.speak(utterance);
    },
    silence() {
      synth.cancel();
    },
  };
}
