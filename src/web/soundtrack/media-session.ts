import { currentStep, type PlayerState } from "../../core/player.ts";
import type { Program } from "../../core/program.ts";
import { pictureArtwork } from "./artwork.ts";

/** What the lock screen's buttons ask of the session. */
export interface LockScreenActions {
  play(): void;
  pause(): void;
  next(): void;
  previous(): void;
  /** Go to the step playing at this many seconds into the soundtrack. */
  seekTo(seconds: number): void;
}

const actions = ["play", "pause", "nexttrack", "previoustrack", "seekto"] as const;

/**
 * The session on the lock screen and in the notification shade (Media Session API): the
 * exercise and phase as the title, the program as the artist, and play, pause, next, previous
 * and seek wired to the session. Does nothing where the browser has no Media Session.
 */
export function lockScreenControls(program: Program, artwork: string, a: LockScreenActions) {
  const session = typeof navigator !== "undefined" ? navigator.mediaSession : undefined;
  if (!session) return { show() {}, clear() {} };
  session.setActionHandler("play", () => a.play());
  session.setActionHandler("pause", () => a.pause());
  session.setActionHandler("nexttrack", () => a.next());
  session.setActionHandler("previoustrack", () => a.previous());
  session.setActionHandler("seekto", (d) => {
    if (typeof d.seekTime === "number") a.seekTo(d.seekTime);
  });
  let shown = "";
  return {
    /** Shows the step now playing and where the sound is. */
    show(state: PlayerState, audio: HTMLAudioElement) {
      const step = currentStep(state);
      const title =
        step.kind === "done"
          ? "Session complete"
          : [step.exerciseName ?? (step.kind === "rest" ? "Rest" : ""), step.phaseName].filter(Boolean).join(" · ");
      if (title !== shown) {
        shown = title;
        const meta = (src: string) =>
          new MediaMetadata({ title, artist: program.title, album: "Limber", artwork: [{ src, sizes: "512x512", type: "image/png" }] });
        session.metadata = meta(artwork);
        // The movement's picture follows once drawn (after the screen shows it), if the step is still the same.
        setTimeout(() => {
          void pictureArtwork().then((picture) => {
            if (picture && shown === title) session.metadata = meta(picture);
          });
        }, 50);
      }
      session.playbackState = state.status === "playing" ? "playing" : "paused";
      if (Number.isFinite(audio.duration) && audio.duration > 0) {
        session.setPositionState({
          duration: audio.duration,
          position: Math.min(audio.currentTime, audio.duration),
          playbackRate: audio.playbackRate || 1,
        });
      }
    },
    clear() {
      for (const action of actions) session.setActionHandler(action, null);
      session.metadata = null;
      session.playbackState = "none";
    },
  };
}
