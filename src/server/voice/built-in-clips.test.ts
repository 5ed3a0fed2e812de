import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pieceKey } from "../../core/soundtrack/speech-pieces.ts";
import type { VoiceManifest } from "../../core/soundtrack/voice-manifest.ts";
import { builtInPieces, builtInVoiceDir, voiceName } from "./built-in-clips.ts";

const manifest = JSON.parse(await readFile(join(builtInVoiceDir, "index.json"), "utf8")) as VoiceManifest;

describe("the built-in programs' voice clips", () => {
  it("say every sentence the built-in programs can say, in the current voice (else run npm run voice)", () => {
    const missing = builtInPieces().filter((text) => manifest.clips[pieceKey(text)]?.text !== text);
    expect({ voice: manifest.voice, missing }).toEqual({ voice: voiceName, missing: [] });
  });

  it("hold no clip for words no program says any more", () => {
    const said = new Set(builtInPieces().map(pieceKey));
    expect(Object.keys(manifest.clips).filter((k) => !said.has(k))).toEqual([]);
  });

  it("total under 2 MB", async () => {
    let bytes = 0;
    for (const key of Object.keys(manifest.clips)) bytes += (await stat(join(builtInVoiceDir, `${key}.mp3`))).size;
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });
});
