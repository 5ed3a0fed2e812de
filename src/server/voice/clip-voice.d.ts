/** The voice every rendered clip is spoken in; part of each clip's identity, so a change renders anew. */
export declare const CLIP_VOICE: {
  readonly engine: "espeak-ng";
  readonly voice: "en-gb";
  readonly wordsPerMinute: 150;
  readonly sampleRate: 22050;
  readonly mp3Kbps: 32;
  /** Samples of silence the MP3 encoder puts first (LAME's 576 + 529). */
  readonly encoderDelay: 1105;
};
