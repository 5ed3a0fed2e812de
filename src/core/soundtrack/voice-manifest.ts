/** The list of rendered sentence clips beside them (`voice/index.json`): which words each file says and how long it is. */
export interface VoiceManifest {
  /** The engine and voice the clips were spoken in, e.g. "espeak-ng en-gb 150 wpm". */
  readonly voice: string;
  readonly sampleRate: number;
  /** Samples of silence the MP3 encoder puts before each clip (LAME's 576 + 529); a decoder that keeps them is trimmed by this many. */
  readonly encoderDelay: number;
  /** By `pieceKey(text)`: the words, and the clip's length in samples before encoding. */
  readonly clips: Readonly<Record<string, { readonly text: string; readonly samples: number }>>;
}

/** What "Try the voice" in Settings says; rendered with the built-in programs' clips. */
export const VOICE_SAMPLE = "This is how Limber will sound during your session.";
