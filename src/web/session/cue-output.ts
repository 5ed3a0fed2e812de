import type { Cue } from "../../core/cues.ts";
import { cueMarks, type CueKind } from "../../core/cues.ts";
import { currentStep, type PlayerState } from "../../core/player.ts";
import type { Beep, BeepKind } from "../adapters/sound.ts";
import type { SpeechMode } from "../adapters/speech.ts";
import type { Settings } from "../settings.ts";
import { isInstruction } from "./late-cues.ts";

/** What the voice should say for a cue, or null for nothing. */
export function speechFor(cue: Cue, settings: Settings): { text: string; mode: SpeechMode } | null {
  if (!settings.voice) return null;
  return { text: cue.text, mode: isInstruction(cue) ? "interrupt" : "if-idle" };
}

const buzzes: Partial<Record<CueKind, number[]>> = {
  step: [180],
  "switch-side": [180, 120, 180],
  halfway: [60],
  countdown: [40],
  done: [250, 150, 250, 150, 400],
};

/** The vibration pattern for a cue, or null when it should not buzz. */
export function vibrationFor(cue: Cue, settings: Settings): number[] | null {
  if (!settings.vibration) return null;
  return buzzes[cue.kind] ?? null;
}

function beepKind(kind: CueKind, stepKind: string): BeepKind | null {
  if (kind === "step") return stepKind === "hold" ? "go" : "step";
  if (kind === "switch-side" || kind === "halfway" || kind === "countdown" || kind === "done") return kind;
  return null;
}

/**
 * Every beep still to come in the current step and the one that opens the next, so the audio
 * clock can play them on time even if this page's timers are delayed.
 */
export function beepPlan(state: PlayerState, now: number, settings: Settings): Beep[] {
  if (!settings.sounds || state.status !== "playing") return [];
  const steps = state.timeline.steps;
  const step = currentStep(state);
  const out: Beep[] = [];
  const add = (index: number, kind: CueKind, stepKind: string, offsetMs: number, at: number) => {
    const beep = beepKind(kind, stepKind);
    if (beep && at >= now - 200) out.push({ key: `${index}:${offsetMs}:${Math.round(at)}`, kind: beep, at });
  };
  for (const m of cueMarks(step)) add(state.index, m.kind, step.kind, m.offsetMs, state.stepStartedAt + m.offsetMs);
  const next = steps[state.index + 1];
  if (next) {
    const opening = cueMarks(next)[0];
    if (opening) add(state.index + 1, opening.kind, next.kind, 0, state.stepStartedAt + step.seconds * 1000);
  }
  return out;
}
