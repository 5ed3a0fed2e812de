import { pieceKey } from "../../core/soundtrack/speech-pieces.ts";
import type { VoiceManifest } from "../../core/soundtrack/voice-manifest.ts";

/** Decoded sentence clips at one sample rate, ready to mix. */
export interface VoiceClips {
  readonly sampleRate: number;
  /** The samples of a sentence, or undefined when it has no clip. */
  get(piece: string): Float32Array | undefined;
}

/** Where the app's rendered clips live, beside index.html (cached by the service worker once fetched). */
const VOICE_DIR = "voice/";

/**
 * Fetches and decodes the clips of the given sentences: the built-in programs' from the app's voice
 * folder, any other sentence (a coach's or an imported program) from the server when signed in, which
 * speaks it once and keeps it. A sentence that cannot be had (signed out, or offline and never played)
 * is simply absent: the soundtrack then leaves it to the device's voice and says so.
 */
export async function loadVoiceClips(pieces: readonly string[], o: { signedIn: boolean; fetchImpl?: typeof fetch }): Promise<VoiceClips> {
  const fetchImpl = o.fetchImpl ?? fetch;
  let manifest: VoiceManifest;
  try {
    const answer = await fetchImpl(`${VOICE_DIR}index.json`);
    if (!answer.ok) throw new Error(`voice index answered ${answer.status}`);
    manifest = (await answer.json()) as VoiceManifest;
  } catch (e) {
    console.info("No rendered voice for this session; the device voice will speak.", e);
    return { sampleRate: 22_050, get: () => undefined };
  }
  const decoder = new OfflineAudioContext(1, 1, manifest.sampleRate);
  const clips = new Map<string, Float32Array>();
  await Promise.all(
    [...new Set(pieces)].map(async (piece) => {
      const key = pieceKey(piece);
      const entry = manifest.clips[key];
      const builtIn = entry?.text === piece;
      if (!builtIn && !o.signedIn) return;
      try {
        const answer = await fetchImpl(builtIn ? `${VOICE_DIR}${key}.mp3` : `api/voice/clips/${key}?text=${encodeURIComponent(piece)}`);
        if (!answer.ok) return;
        const samples = builtIn ? entry.samples : Number(answer.headers.get("X-Limber-Samples"));
        if (!Number.isInteger(samples) || samples <= 0) return;
        const decoded = (await decoder.decodeAudioData(await answer.arrayBuffer())).getChannelData(0);
        // Decoders that keep the encoder's leading silence give it back; those that trim it do not.
        const from = decoded.length >= manifest.encoderDelay + samples ? manifest.encoderDelay : 0;
        clips.set(piece, decoded.slice(from, from + samples));
      } catch (e) {
        console.info(`The clip for "${piece}" could not be loaded; the device voice will say it.`, e);
      }
    }),
  );
  return { sampleRate: manifest.sampleRate, get: (piece) => clips.get(piece) };
}
