// The clip thread: renders one sentence at a time, so speaking never holds up the server's requests.
import { parentPort } from "node:worker_threads";
import { renderClip } from "./speak-clip.js";

parentPort?.on("message", async (/** @type {{ id: number; text: string }} */ m) => {
  try {
    const clip = await renderClip(m.text);
    parentPort?.postMessage({ id: m.id, mp3: clip.mp3, samples: clip.samples }, [clip.mp3.buffer]);
  } catch (e) {
    parentPort?.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
