// Plain JavaScript, so the clip thread can load it without a TypeScript loader; its types are in speak-clip.d.ts.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Mp3Encoder } from "@breezystack/lamejs";
import ESpeakNg from "espeak-ng";
import { CLIP_VOICE } from "./clip-voice.js";

export { CLIP_VOICE };

/** @type {Promise<WebAssembly.Module> | null} */
let compiled = null;

/** eSpeak NG's WebAssembly, compiled once per thread and instantiated afresh for each clip. */
function engine() {
  compiled ??= readFile(createRequire(import.meta.url).resolve("espeak-ng/dist/espeak-ng.wasm")).then((bytes) =>
    WebAssembly.compile(bytes),
  );
  return compiled;
}

/** @param {string} text */
export async function speakToPcm(text) {
  const module = await engine();
  const espeak = await ESpeakNg({
    // "--" ends the options: a sentence that starts with a dash is still words to say.
    arguments: ["-v", CLIP_VOICE.voice, "-s", String(CLIP_VOICE.wordsPerMinute), "-w", "clip.wav", "--", text],
    instantiateWasm(/** @type {WebAssembly.Imports} */ imports, /** @type {(i: WebAssembly.Instance) => void} */ ready) {
      void WebAssembly.instantiate(module, imports).then(ready);
      return {};
    },
    print() {},
    printErr() {},
  });
  const wav = espeak.FS.readFile("clip.wav");
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  if (view.getUint32(24, true) !== CLIP_VOICE.sampleRate)
    throw new Error(`espeak-ng spoke at ${view.getUint32(24, true)} Hz, not ${CLIP_VOICE.sampleRate}`);
  // The samples follow a 44-byte header; the length written there is not filled in for a streamed file.
  const pcm = new Int16Array(Math.floor((wav.byteLength - 44) / 2));
  for (let i = 0; i < pcm.length; i++) pcm[i] = view.getInt16(44 + i * 2, true);
  return pcm;
}

/** @param {string} text */
export async function renderClip(text) {
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
