import type { Kysely } from "kysely";
import type { Tables } from "../db/tables.ts";

export interface StoredClip {
  text: string;
  samples: number;
  mp3: Uint8Array;
}

/** A practice's clip of a sentence in a voice, if it was spoken before. */
export async function findVoiceClip(
  db: Kysely<Tables>,
  organisationId: string,
  key: string,
  voice: string,
): Promise<StoredClip | undefined> {
  return db
    .selectFrom("voice_clips")
    .select(["text", "samples", "mp3"])
    .where("organisation_id", "=", organisationId)
    .where("key", "=", key)
    .where("voice", "=", voice)
    .executeTakeFirst();
}

/** Keeps a clip; one spoken at the same moment by another request is kept instead, as they are the same words. */
export async function saveVoiceClip(
  db: Kysely<Tables>,
  organisationId: string,
  key: string,
  voice: string,
  clip: StoredClip,
): Promise<void> {
  await db
    .insertInto("voice_clips")
    .values({ organisation_id: organisationId, key, voice, text: clip.text, samples: clip.samples, mp3: clip.mp3 })
    .onConflict((oc) => oc.columns(["organisation_id", "key", "voice"]).doNothing())
    .execute();
}
