import type { Clock } from "./adapters/clock.ts";
import type { Sound } from "./adapters/sound.ts";
import type { Speech } from "./adapters/speech.ts";
import type { LocalStore } from "./adapters/storage.ts";
import type { Vibration } from "./adapters/vibration.ts";
import type { WakeLock } from "./adapters/wake-lock.ts";

/** The outside world the pages talk to, each behind its adapter, chosen once at start-up. */
export interface AppServices {
  clock: Clock;
  speech: Speech;
  sound: Sound;
  vibration: Vibration;
  wakeLock: WakeLock;
  store: LocalStore;
  /** False when IndexedDB could not be opened and nothing will outlive the page. */
  persistent: boolean;
}

let current: AppServices | null = null;

export function provideServices(services: AppServices): void {
  current = services;
}

export function services(): AppServices {
  if (!current) throw new Error("services used before start-up provided them");
  return current;
}
