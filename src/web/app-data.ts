import { effect, signal } from "@preact/signals";
import type { ProgressState } from "../core/progress.ts";
import type { LocalStore, QueuedSession } from "./adapters/storage.ts";
import { todaysProgram } from "./programs.ts";
import type { ActiveSession } from "./session/active-session.ts";
import { withDefaults, type Settings } from "./settings.ts";

/** What the pages show, loaded from the device store at start-up and kept in step with it. */
export const settings = signal<Settings>(withDefaults(undefined));
export const progress = signal<ProgressState | undefined>(undefined);
export const sessions = signal<QueuedSession[]>([]);
export const activeSession = signal<ActiveSession | undefined>(undefined);

export async function loadAppData(store: LocalStore): Promise<void> {
  const [s, p, list, active] = await Promise.all([
    store.getSettings(),
    store.getProgress(todaysProgram.id),
    store.listSessions(),
    store.getActiveSession(),
  ]);
  settings.value = withDefaults(s);
  progress.value = p;
  sessions.value = list;
  activeSession.value = active;
}

export async function changeSettings(store: LocalStore, patch: Partial<Settings>): Promise<void> {
  settings.value = { ...settings.value, ...patch };
  await store.putSettings(settings.value);
}

export async function changeProgress(store: LocalStore, next: ProgressState): Promise<void> {
  progress.value = next;
  await store.putProgress(next);
}

const textScale: Record<Settings["textSize"], string> = { normal: "118.75%", large: "137.5%", larger: "156.25%" };

/** Applies theme and text size to the page whenever the settings change. */
export function reflectSettingsOnPage(root: HTMLElement): () => void {
  return effect(() => {
    const s = settings.value;
    root.style.fontSize = textScale[s.textSize];
    if (s.theme === "system") root.removeAttribute("data-theme");
    else root.setAttribute("data-theme", s.theme);
  });
}
