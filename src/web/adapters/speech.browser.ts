import type { Speech } from "./speech.ts";

/** Speech through the Web Speech API; a silent stand-in where the browser has none. */
export function browserSpeech(): Speech {
  const synth = typeof window !== "undefined" ? window.speechSynthesis : undefined;
  if (!synth) return { available: false, speak() {}, silence() {} };
  return {
    available: true,
    speak(text, mode, rate) {
      if (mode === "if-idle" && (synth.speaking || synth.pending)) return;
      if (mode === "interrupt") synth.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.rate = rate;
      utterance.lang = document.documentElement.lang || "en";
      synth.speak(utterance);
    },
    silence() {
      synth.cancel();
    },
  };
}
