import { cueMarks } from "../../core/cues.ts";
import type { Timeline } from "../../core/timeline.ts";
import type { AppServices } from "../app-services.ts";
import type { Sound } from "../adapters/sound.ts";
import type { Speech } from "../adapters/speech.ts";
import type { Soundtrack } from "./soundtrack.ts";

/** The beeps are in the soundtrack: nothing else plays them. */
const soundInTrack: Sound = { unlock() {}, plan() {}, cancelAll() {} };

/** The device voice says only what the soundtrack does not: lines without a clip, and "Paused" and the like. */
function speechBesideTrack(device: Speech, timeline: Timeline, track: Soundtrack): Speech {
  const inTrack = new Set(timeline.steps.flatMap((s) => cueMarks(s).map((m) => m.text)).filter((t) => !track.unvoicedTexts.has(t)));
  return {
    available: device.available,
    speak(line) {
      if (!inTrack.has(line.text)) device.speak(line);
    },
    silence: () => device.silence(),
  };
}

/** The app's services for a session heard through its soundtrack: its clock, its sounds, and the device voice for the rest. */
export function soundtrackServices(svc: AppServices, track: Soundtrack, timeline: Timeline): AppServices {
  return { ...svc, clock: track.clock, sound: soundInTrack, speech: speechBesideTrack(svc.speech, timeline, track) };
}
