import { render } from "preact";
import { browserClock } from "./adapters/clock.browser.ts";
import { browserSound } from "./adapters/sound.browser.ts";
import { browserSpeech } from "./adapters/speech.browser.ts";
import { memoryStore } from "./adapters/storage.memory.ts";
import { openIdbStore } from "./adapters/storage.idb.ts";
import type { LocalStore } from "./adapters/storage.ts";
import { browserVibration } from "./adapters/vibration.browser.ts";
import { browserWakeLock } from "./adapters/wake-lock.browser.ts";
import { loadAppData, reflectSettingsOnPage, settings } from "./app-data.ts";
import { provideServices } from "./app-services.ts";
import { App } from "./app.tsx";
import { followHash } from "./router.ts";
import { startBackgroundSync } from "./sync/background-sync.ts";
import "./theme.css";

async function openStore(): Promise<{ store: LocalStore; persistent: boolean }> {
  try {
    return { store: await openIdbStore(), persistent: true };
  } catch (error) {
    console.warn("IndexedDB unavailable; this session will not be saved:", error);
    return { store: memoryStore(), persistent: false };
  }
}

async function start() {
  const { store, persistent } = await openStore();
  const clock = browserClock;
  provideServices({
    clock,
    store,
    persistent,
    speech: browserSpeech(),
    // The beeps sit under the voice: at full loudness they peak at 0.18.
    sound: browserSound(clock, () => 0.18 * settings.value.volume),
    vibration: browserVibration(),
    wakeLock: browserWakeLock(),
  });
  await loadAppData(store);
  reflectSettingsOnPage(document.documentElement);
  followHash();
  render(<App />, document.getElementById("app")!);
  startBackgroundSync(store);
}

void start();
