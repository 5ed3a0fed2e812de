/**
 * How a line is spoken. "interrupt" cuts off anything still being said (a new instruction
 * matters more than the end of the old one); "if-idle" is dropped when the voice is busy,
 * because the beep already carries it (countdowns, halfway).
 */
export type SpeechMode = "interrupt" | "if-idle";

/** One line for the voice; `dueAt` is the monotonic instant the cue was due, when it is a cue. */
export interface SpeechLine {
  text: string;
  mode: SpeechMode;
  rate: number;
  /** 0 to 1; the device's own loudness when absent. */
  volume?: number;
  dueAt?: number;
}

export interface Speech {
  readonly available: boolean;
  speak(line: SpeechLine): void;
  /** Stops speaking at once and forgets anything queued. */
  silence(): void;
}
