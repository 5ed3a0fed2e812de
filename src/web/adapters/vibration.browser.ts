import type { Vibration } from "./vibration.ts";

/** navigator.vibrate where the device has it (most Android phones; not iOS). */
export function browserVibration(): Vibration {
  const available = typeof navigator !== "undefined" && typeof navigator.vibrate === "function";
  return {
    available,
    buzz(pattern) {
      if (available) navigator.vibrate(pattern);
    },
  };
}
