// Plain JavaScript like speak-clip.js, and free of its engines: the server names the voice (voice-name.ts)
// without loading eSpeak NG or the MP3 encoder, which only the clip thread needs.
export const CLIP_VOICE = Object.freeze({
  engine: "espeak-ng",
  voice: "en-gb",
  wordsPerMinute: 150,
  sampleRate: 22_050,
  mp3Kbps: 32,
  encoderDelay: 1105,
});
