/** Buzzes the device where it can; a pattern is on/off milliseconds. */
export interface Vibration {
  readonly available: boolean;
  buzz(pattern: number[]): void;
}
