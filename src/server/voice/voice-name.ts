import { CLIP_VOICE } from "./clip-voice.js";

/** How clips name the voice they were spoken in; a clip in another voice is spoken again. */
export const voiceName = `${CLIP_VOICE.engine} ${CLIP_VOICE.voice} ${CLIP_VOICE.wordsPerMinute} wpm`;
