import { currentStep, type PlayerEvent, type PlayerState } from "../../core/player.ts";
import type { AppServices } from "../app-services.ts";
import type { Settings } from "../settings.ts";
import { freezePlayer, type ActiveSession } from "./active-session.ts";
import { beepPlan, speechFor, vibrationFor } from "./cue-output.ts";
import { collapseLateCues } from "./late-cues.ts";
import { runSession, type SessionRunner } from "./session-runner.ts";

export interface GuidedSession {
  send(event: PlayerEvent): void;
  readonly state: PlayerState;
  /** Stores where the session stands now (paused form), e.g. before leaving the page. */
  save(): Promise<void>;
  stop(): void;
}

export interface GuideOptions {
  services: AppServices;
  player: PlayerState;
  meta: Omit<ActiveSession, "player" | "frozenAt" | "stage">;
  settings: () => Settings;
  onState: (state: PlayerState) => void;
  onSaved: (active: ActiveSession) => void;
}

/**
 * A session on this device: the engine's cues become speech, beeps and buzzes; the screen is
 * kept awake while playing; and every step change is saved so a reload resumes it.
 */
export function guideSession(o: GuideOptions): GuidedSession {
  const { clock, speech, sound, vibration, wakeLock, store } = o.services;
  let last: { index: number; status: string } | null = null;

  function active(state: PlayerState): ActiveSession {
    const now = clock.now();
    return { ...o.meta, player: freezePlayer(state, now), frozenAt: now, stage: state.status === "finished" ? "pain-after" : "playing" };
  }

  async function save(state: PlayerState) {
    const a = active(state);
    o.onSaved(a);
    await store.putActiveSession(a);
  }

  function perform(state: PlayerState) {
    const now = clock.now();
    const s = o.settings();
    const visible = document.visibilityState === "visible";
    for (const cue of collapseLateCues(state.cues, now)) {
      const say = speechFor(cue, s);
      if (say) speech.speak({ text: say.text, mode: say.mode, rate: s.voiceRate, volume: s.volume, dueAt: cue.at });
      const buzz = vibrationFor(cue, s);
      if (buzz && visible) vibration.buzz(buzz);
    }
    sound.plan(beepPlan(state, now, s));
    wakeLock.want(state.status === "playing");
    if (!last || last.index !== state.index || last.status !== state.status) {
      last = { index: state.index, status: state.status };
      void save(state);
    }
    o.onState(state);
  }

  const runner: SessionRunner = runSession(o.player, clock, perform);
  const onVisibility = () => {
    if (document.visibilityState === "visible") runner.wake();
    else void save(runner.state);
  };
  const onPageHide = () => void save(runner.state);
  document.addEventListener("visibilitychange", onVisibility);
  window.addEventListener("pagehide", onPageHide);

  return {
    send: (event) => runner.send(event),
    get state() {
      return runner.state;
    },
    save: () => save(runner.state),
    stop() {
      runner.stop();
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onPageHide);
      // A finished session may still be saying "well done" and playing its last chime: let it.
      if (runner.state.status !== "finished") {
        sound.cancelAll();
        speech.silence();
      }
      wakeLock.want(false);
    },
  };
}

/** A short line for screen readers about the step now on screen. */
export function announcementOf(state: PlayerState): string {
  if (state.status === "paused") return `Paused. ${currentStep(state).title}.`;
  return currentStep(state).title;
}
