/**
 * `npm run voice`: speaks every sentence the built-in programs can say into public/voice/ as MP3 clips
 * with an index.json, keeping clips already rendered in the same voice and removing ones no longer said.
 * The clips are committed, so building and testing never need the speech engine.
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { builtInPrograms } from "../../../content/index.ts";
import { programPieces } from "../../core/soundtrack/program-pieces.ts";
import { pieceKey } from "../../core/soundtrack/speech-pieces.ts";
import { VOICE_SAMPLE, type VoiceManifest } from "../../core/soundtrack/voice-manifest.ts";
import { CLIP_VOICE, renderClip } from "./speak-clip.js";
import { voiceName } from "./voice-name.ts";

export { voiceName };

export const builtInVoiceDir = resolve(import.meta.dirname, "../../../public/voice");

/** Every sentence of every built-in program, each once, and the sample Settings plays. */
export function builtInPieces(): string[] {
  return [...new Set([...builtInPrograms.flatMap(programPieces), VOICE_SAMPLE])];
}

async function readManifest(dir: string): Promise<VoiceManifest | null> {
  try {
    return JSON.parse(await readFile(join(dir, "index.json"), "utf8")) as VoiceManifest;
  } catch {
    return null;
  }
}

/** Renders what is missing into `dir`; answers how many clips were rendered and how many kept. */
export async function renderBuiltInClips(dir = builtInVoiceDir): Promise<{ rendered: number; kept: number; removed: number }> {
  await mkdir(dir, { recursive: true });
  const old = await readManifest(dir);
  const reusable = old && old.voice === voiceName && old.sampleRate === CLIP_VOICE.sampleRate ? old.clips : {};
  const clips: Record<string, { text: string; samples: number }> = {};
  let rendered = 0;
  for (const text of builtInPieces()) {
    const key = pieceKey(text);
    const kept = reusable[key];
    if (kept && kept.text === text) {
      clips[key] = kept;
      continue;
    }
    const clip = await renderClip(text);
    await writeFile(join(dir, `${key}.mp3`), clip.mp3);
    clips[key] = { text, samples: clip.samples };
    rendered++;
  }
  let removed = 0;
  for (const file of await readdir(dir)) {
    if (file.endsWith(".mp3") && !(file.slice(0, -4) in clips)) {
      await rm(join(dir, file));
      removed++;
    }
  }
  const manifest: VoiceManifest = { voice: voiceName, sampleRate: CLIP_VOICE.sampleRate, encoderDelay: CLIP_VOICE.encoderDelay, clips };
  await writeFile(join(dir, "index.json"), JSON.stringify(manifest, null, 1) + "\n");
  return { rendered, kept: Object.keys(clips).length - rendered, removed };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const r = await renderBuiltInClips();
  console.log(`voice clips in ${builtInVoiceDir}: ${r.rendered} rendered, ${r.kept} kept, ${r.removed} removed`);
}
