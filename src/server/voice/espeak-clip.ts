import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Mp3Encoder } from "@breezystack/lamejs";
import ESpeakNg from "espeak-ng";

/** The voice every rendered clip is spoken in; part of each clip's cache key, so a change renders anew. */
export const CLIP_VOICE = { engine: "espeak-ng", voice: "en-gb", wordsPerMinute: 150, sampleRate: 22_050, mp3Kbps: 32, encoderDelay: 1105 } as const;

/** A rendered sentence: MP3 bytes, and how many samples it holds before encoding. */
export interface RenderedClip {
  readonly mp3: Uint8Array;
  readonly samples: number;
}

let compiled: Promise<WebAssembly.Module> | null = null;

/** eSpeak NG's WebAssembly, compiled once per process and instantiated afresh for each clip. */
function engine(): Promise<WebAssembly.Module> {
  compiled ??= readFile(createRequire(import.meta.url).resolve("espeak-ng/dist/espeak-ng.wasm")).then((bytes) =>
    WebAssembly.compile(bytes),
  );
  return compiled;
}

/** Speaks one sentence into 16-bit mono PCM at the clip voice's sample rate. */
export async function speakToPcm(text: string): Promise<Int16Array> {
  const module = await engine();
  const espeak = await ESpeakNg({
    arguments: ["-v", CLIP_VOICE.voice, "-s", String(CLIP_VOICE.wordsPerMinute), "-w", "clip.wav", "--", text],
    instantiateWasm(imports: WebAssembly.Imports, ready: (instance: WebAssembly.Instance) => void) {
      void WebAssembly.instantiate(module, imports).then(ready);
      return {};
    },
    print() {},
    printErr() {},
  });
  const wav: Uint8Array = espeak.FS.readFile("clip.wav");
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  if (view.getUint32(24, true) !== CLIP_VOICE.sampleRate)
    throw new Error(`espeak-ng spoke at ${view.getUint32(24, true)} Hz, not ${CLIP_VOICE.sampleRate}`);
  // The data chunk follows a 44-byte header in what espeak-ng writes; its length there is not filled in for a file it streams.
  const pcm = new Int16Array(Math.floor((wav.byteLength - 44) / 2));
  for (let i = 0; i < pcm.length; i++) pcm[i] = view.getInt16(44 + i * 2, true);
  return pcm;
}

/** Speaks one sentence and encodes it as MP3, small enough to keep a whole program's words under 2 MB. */
export async function renderClip(text: string): Promise<RenderedClip> {
  const pcm = await speakToPcm(text);
  const encoder = new Mp3Encoder(1, CLIP_VOICE.sampleRate, CLIP_VOICE.mp3Kbps);
  const parts = [encoder.encodeBuffer(pcm), encoder.flush()];
  const mp3 = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    mp3.set(p, at);
    at += p.length;
  }
  return { mp3, samples: pcm.length };
}
