/**
 * How a line is spoken. "interrupt" cuts off anything still being said (a new instruction
 * matters more than the end of the old one); "if-idle" is dropped when the voice is busy,
 * because the beep already carries it (countdowns, halfway).
 */
export type SpeechMode = "interrupt" | "if-idle";

export interface Speech {
  readonly available: boolean;
  speak(text: string, mode: SpeechMode, rate: number): void;
  /** Stops speaking at once and forgets anything queued. */
  silence(): void;
}
