import type { ComponentChildren } from "preact";
import { holdSecondsFor, initialProgress, MANUAL_HOLD_LIMITS, setHoldByHand } from "../../core/progress.ts";
import { changeProgress, changeSettings, progress, settings } from "../app-data.ts";
import { syncNow } from "../sync/background-sync.ts";
import { queueHold } from "../sync/pending-holds.ts";
import { services } from "../app-services.ts";
import { todaysProgram } from "../programs.ts";
import { voiceRates, type Settings } from "../settings.ts";

function Toggle(props: { id: string; label: string; hint?: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div class="setting">
      <label for={props.id}>
        {props.label}
        {props.hint && <span class="muted"> · {props.hint}</span>}
      </label>
      <input id={props.id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.currentTarget.checked)} />
    </div>
  );
}

function Choices<T extends string | number>(props: {
  name: string;
  legend: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
}) {
  return (
    <fieldset class="choices">
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={String(o.value)}>
          <input type="radio" name={props.name} checked={o.value === props.value} onChange={() => props.onChange(o.value)} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Says the sample line in the voice chosen: Limber's own clip, or the device's voice (also when the clip cannot be had). */
async function tryVoice(s: Settings, speech: ReturnType<typeof services>["speech"]) {
  const text = "This is how Limber will sound during your session.";
  if (s.voiceEngine === "limber") {
    const { playVoiceSample } = await import("../soundtrack/voice-sample.ts");
    if (await playVoiceSample(s.voiceRate, s.volume).catch(() => false)) return;
  }
  speech.speak({ text, mode: "interrupt", rate: s.voiceRate, volume: s.volume });
}

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  const id = `settings-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Holds() {
  const { store } = services();
  const program = todaysProgram;
  const p = progress.value ?? initialProgress(program);
  const set = (exerciseId: string, phaseId: string, seconds: number | null) => {
    void changeProgress(store, setHoldByHand(program, p, exerciseId, phaseId, seconds));
    // Queued first, so it reaches the server even if this device is offline or signed out right now.
    queueHold(localStorage, { programId: program.id, exerciseId, phaseId, seconds });
    void syncNow(store);
  };
  return (
    <Section title="Hold lengths">
      <p class="muted">
        Holds grow a little after each comfortable session. Set one yourself to keep it where you like; “Auto” lets it grow again.
      </p>
      {program.exercises.flatMap((ex) =>
        ex.phases.map((ph) => {
          const seconds = holdSecondsFor(p, ex, ph);
          const pinned = p.exercises[ex.id]?.pinned.includes(ph.id) ?? false;
          const label = `${ex.name}: ${ph.name}`;
          return (
            <div class="hold-row" key={`${ex.id}/${ph.id}`}>
              <span>{label}</span>
              <div class="adjust">
                <button
                  type="button"
                  aria-label={`Shorter: ${label}`}
                  disabled={seconds <= MANUAL_HOLD_LIMITS.min}
                  onClick={() => set(ex.id, ph.id, seconds - 5)}
                >
                  −
                </button>
                <output aria-live="polite" aria-label={`${label} hold`}>
                  {seconds} s{pinned ? "" : " · auto"}
                </output>
                <button type="button" aria-label={`Longer: ${label}`} onClick={() => set(ex.id, ph.id, seconds + 5)}>
                  +
                </button>
                {pinned && (
                  <button type="button" class="quiet" aria-label={`Auto: ${label}`} onClick={() => set(ex.id, ph.id, null)}>
                    Auto
                  </button>
                )}
              </div>
            </div>
          );
        }),
      )}
    </Section>
  );
}

/** Voice, sounds, vibration, hold lengths, text size and theme, kept on this device. */
export default function SettingsPage() {
  const { store, speech, vibration } = services();
  const s = settings.value;
  const change = (patch: Partial<Settings>) => void changeSettings(store, patch);
  return (
    <>
      <h1>Settings</h1>
      <Section title="Voice and sound">
        <Toggle
          id="voice"
          label="Spoken instructions"
          hint={speech.available ? undefined : "not available in this browser"}
          checked={s.voice}
          onChange={(voice) => change({ voice })}
        />
        <Choices
          name="voice-engine"
          legend="Whose voice"
          value={s.voiceEngine}
          options={
            [
              { value: "limber", label: "Limber’s voice" },
              { value: "device", label: "This device’s voice" },
            ] as const
          }
          onChange={(voiceEngine) => change({ voiceEngine })}
        />
        <p class="muted setting-hint">
          {s.voiceEngine === "limber"
            ? "Limber’s voice keeps talking with the screen locked, so you can put the phone down; the device’s voice sounds more natural but needs the screen on."
            : "This device’s voice sounds the most natural but stops when the screen locks; Limber’s own voice keeps going with the screen locked."}
        </p>
        <Choices
          name="volume"
          legend="Loudness"
          value={s.volume}
          options={
            [
              { value: 0.5, label: "Soft" },
              { value: 0.75, label: "Medium" },
              { value: 1, label: "Full" },
            ] as const
          }
          onChange={(volume) => change({ volume })}
        />
        <Choices
          name="rate"
          legend="Speaking pace"
          value={s.voiceRate}
          options={voiceRates.map((r) => ({ value: r.rate, label: r.label }))}
          onChange={(voiceRate) => change({ voiceRate })}
        />
        <button type="button" onClick={() => void tryVoice(s, speech)}>
          Try the voice
        </button>
        <Toggle id="sounds" label="Beeps for each step and the 3-2-1" checked={s.sounds} onChange={(sounds) => change({ sounds })} />
        <Toggle
          id="vibration"
          label="Vibration"
          hint={vibration.available ? undefined : "not available on this device"}
          checked={s.vibration}
          onChange={(v) => change({ vibration: v })}
        />
      </Section>
      <Holds />
      <Section title="Display">
        <Choices
          name="text"
          legend="Text size"
          value={s.textSize}
          options={
            [
              { value: "normal", label: "Normal" },
              { value: "large", label: "Large" },
              { value: "larger", label: "Larger" },
            ] as const
          }
          onChange={(textSize) => change({ textSize })}
        />
        <Choices
          name="theme"
          legend="Colours"
          value={s.theme}
          options={
            [
              { value: "system", label: "Like my device" },
              { value: "light", label: "Light" },
              { value: "dark", label: "Dark" },
            ] as const
          }
          onChange={(theme) => change({ theme })}
        />
      </Section>
      <p class="muted">Settings and sessions are stored only on this device.</p>
    </>
  );
}
