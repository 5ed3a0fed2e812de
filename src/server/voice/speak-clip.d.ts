export { CLIP_VOICE } from "./clip-voice.js";

/** A rendered sentence: MP3 bytes, and how many samples it holds before encoding. */
export interface RenderedClip {
  readonly mp3: Uint8Array;
  readonly samples: number;
}

/** Speaks one sentence into 16-bit mono PCM at the clip voice's sample rate. */
export declare function speakToPcm(text: string): Promise<Int16Array>;

/** Speaks one sentence and encodes it as MP3, small enough to keep a whole program's words under 2 MB. */
export declare function renderClip(text: string): Promise<RenderedClip>;
