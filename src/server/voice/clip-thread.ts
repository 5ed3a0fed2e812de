import { Worker } from "node:worker_threads";
import type { RenderedClip } from "./speak-clip.js";

/** Renders sentences into clips away from the request thread. */
export interface ClipRenderer {
  render(text: string): Promise<RenderedClip>;
  close(): Promise<void>;
}

/** An idle clip thread ends after this long, giving back the speech engine's memory (about 40 MB). */
const IDLE_MS = 60_000;

type Reply = { id: number; mp3: Uint8Array; samples: number } | { id: number; error: string };

/**
 * A worker thread with eSpeak NG, started on the first sentence and ended when idle. Sentences are
 * rendered one after another, so a burst of new words uses one core, never all of them.
 */
export function clipThread(): ClipRenderer {
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve: (c: RenderedClip) => void; reject: (e: Error) => void }>();

  function failAll(error: Error) {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  }

  function start(): Worker {
    if (worker) return worker;
    const w = new Worker(new URL("./clip-worker.js", import.meta.url));
    w.on("message", (m: Reply) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (!p) return;
      if ("error" in m) p.reject(new Error(`the voice could not say this sentence: ${m.error}`));
      else p.resolve({ mp3: new Uint8Array(m.mp3), samples: m.samples });
      if (pending.size === 0) {
        w.unref();
        idle = setTimeout(() => void stop(), IDLE_MS);
        idle.unref();
      }
    });
    w.on("error", (e) => failAll(new Error(`the voice thread failed: ${e.message}`)));
    w.on("exit", () => {
      if (worker === w) worker = null;
      failAll(new Error("the voice thread ended"));
    });
    worker = w;
    return w;
  }

  async function stop() {
    if (idle) clearTimeout(idle);
    idle = null;
    const w = worker;
    worker = null;
    await w?.terminate();
  }

  return {
    render(text) {
      if (idle) clearTimeout(idle);
      idle = null;
      const w = start();
      w.ref();
      const id = nextId++;
      return new Promise<RenderedClip>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, text });
      });
    },
    close: stop,
  };
}
