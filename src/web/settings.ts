/** What a user can change about how Limber looks and sounds. Stored on the device only. */
export interface Settings {
  voice: boolean;
  /**
   * Whose voice speaks: Limber's own (rendered into the session's soundtrack, so it goes on with the
   * screen locked) or the device's (the most natural, but it needs the screen on).
   */
  voiceEngine: "limber" | "device";
  /** Loudness of the session's voice and sounds, 0 to 1. */
  volume: number;
  /** Speech rate: 1 is the voice's normal pace. */
  voiceRate: number;
  sounds: boolean;
  vibration: boolean;
  textSize: "normal" | "large" | "larger";
  theme: "system" | "light" | "dark";
  /** How many days a week the person chose to practise, and the day they chose it; null until they choose. */
  plan: { daysPerWeek: number; since: string } | null;
}

export const defaultSettings: Settings = {
  voice: true,
  voiceEngine: "limber",
  volume: 1,
  voiceRate: 0.9,
  sounds: true,
  vibration: true,
  textSize: "normal",
  theme: "system",
  plan: null,
};

export const voiceRates = [
  { rate: 0.75, label: "Slow" },
  { rate: 0.9, label: "Calm" },
  { rate: 1.05, label: "Brisk" },
] as const;

/** Fills in anything an older stored copy lacks, so new settings get their defaults. */
export function withDefaults(stored: Partial<Settings> | undefined): Settings {
  return { ...defaultSettings, ...(stored ?? {}) };
}
