import { currentStep, remainingInStep, type PlayerState } from "../core/player.ts";

const DIGITS: Record<string, string[]> = {
  "0": ["███", "█ █", "█ █", "█ █", "███"],
  "1": [" ██", "  █", "  █", "  █", "  █"],
  "2": ["███", "  █", "███", "█  ", "███"],
  "3": ["███", "  █", "███", "  █", "███"],
  "4": ["█ █", "█ █", "███", "  █", "  █"],
  "5": ["███", "█  ", "███", "  █", "███"],
  "6": ["███", "█  ", "███", "█ █", "███"],
  "7": ["███", "  █", "  █", "  █", "  █"],
  "8": ["███", "█ █", "███", "█ █", "███"],
  "9": ["███", "█ █", "███", "  █", "███"],
};

/** A number drawn five rows tall, readable from across a room. */
export function bigNumber(n: number): string[] {
  const chars = String(n).split("");
  return [0, 1, 2, 3, 4].map((row) => chars.map((c) => DIGITS[c]![row]).join("  "));
}

/** A bar of `width` cells filled in proportion to `fraction`. */
export function progressBar(fraction: number, width: number): string {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
}

/** Everything the terminal player shows at one instant, as lines of text. */
export function renderFrame(state: PlayerState, now: number, width = 60): string[] {
  const step = currentStep(state);
  const steps = state.timeline.steps;
  const secondsLeft = Math.ceil(remainingInStep(state, now) / 1000);
  const next = steps.slice(state.index + 1).find((s) => s.kind === "hold" || s.kind === "done" || s.kind === "switch-side");
  const doneSeconds = step.offset + (step.seconds - secondsLeft);
  const lines = [
    state.status === "paused" ? "PAUSED  (space to resume)" : step.kind === "hold" ? "HOLD" : step.kind.toUpperCase().replace("-", " "),
    "",
    step.title,
    "",
    ...(step.kind === "done" ? [] : bigNumber(secondsLeft).map((l) => `   ${l}`)),
    "",
    `${progressBar(doneSeconds / Math.max(1, state.timeline.totalSeconds), width - 12)} ${formatClock(doneSeconds)}`,
    next ? `Next: ${next.title}` : "",
    "",
    "space pause/resume   → skip   ← back   r restart   q quit",
  ];
  return lines;
}

/** Seconds as m:ss. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** Maps a key press from a raw terminal to a player event, or to quitting. */
export function keyToAction(key: string): "pause-toggle" | "skip" | "back" | "restart" | "quit" | null {
  switch (key) {
    case " ":
    case "p":
      return "pause-toggle";
    case "\u001b[C":
    case "n":
      return "skip";
    case "\u001b[D":
    case "b":
      return "back";
    case "r":
      return "restart";
    case "q":
    case "\u0003":
      return "quit";
    default:
      return null;
  }
}
