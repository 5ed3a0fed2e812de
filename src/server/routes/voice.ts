import { Hono } from "hono";
import { pieceKey } from "../../core/soundtrack/speech-pieces.ts";
import type { Env } from "../context.ts";
import { requireSession } from "../auth/current-session.ts";
import { badRequest } from "../http/problems.ts";
import { findVoiceClip, saveVoiceClip } from "../store/voice-clips.ts";
import { voiceName } from "../voice/voice-name.ts";

/** The longest sentence the voice says in one clip; a program's sentences are far shorter. */
export const MAX_SPOKEN_CHARS = 400;

/**
 * Limber's voice for a practice's own programs (coach-made or imported): the clip of one sentence,
 * spoken on first request in the server's clip thread and kept per organisation. Built-in programs'
 * clips are static files of the web app. Signing in is needed, as speaking costs the server a second.
 */
export const voiceRoutes = new Hono<Env>().get("/clips/:key", requireSession, async (c) => {
  const key = c.req.param("key");
  const text = c.req.query("text") ?? "";
  const problem = (path: string, message: string) => badRequest(c, [{ path, message }]);
  if (!/^[0-9a-f]{16}$/.test(key)) return problem("key", "The clip name must be 16 hexadecimal characters.");
  if (text.trim() === "" || text.length > MAX_SPOKEN_CHARS)
    return problem("text", `Send the sentence to say as text, from 1 to ${MAX_SPOKEN_CHARS} characters.`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) return problem("text", "The sentence to say may not hold control characters.");
  if (pieceKey(text) !== key) return problem("key", "The clip name does not match the sentence; ask for the name the app gives it.");
  const deps = c.get("deps");
  const org = c.get("session")!.user.organisation_id;
  let clip = await findVoiceClip(deps.db, org, key, voiceName);
  if (!clip) {
    const spoken = await deps.voice.render(text);
    clip = { text, samples: spoken.samples, mp3: spoken.mp3 };
    await saveVoiceClip(deps.db, org, key, voiceName, clip);
  }
  return c.body(new Uint8Array(clip.mp3), 200, {
    "Content-Type": "audio/mpeg",
    "X-Limber-Samples": String(clip.samples),
    // The same name always says the same words in the same voice.
    "Cache-Control": "private, max-age=31536000, immutable",
  });
});
