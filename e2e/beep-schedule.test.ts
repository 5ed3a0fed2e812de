import { describe, expect, it } from "vitest";
import { builtInProgram, defaultProgramId } from "../content/index.ts";
import { cueMarks } from "../src/core/cues.ts";
import { tones, toneFor } from "../src/core/soundtrack/tones.ts";
import { compileTimeline } from "../src/core/timeline.ts";
import { clockOffsetS } from "../src/web/adapters/sound.browser.ts";
import { useStaticApp } from "./support/app-server.ts";
import { openApp } from "./support/limber-app.ts";
import { readObserved } from "./support/observed-outputs.ts";

const timeline = compileTimeline(builtInProgram(defaultProgramId)!, null);
/** How far ahead the player hands beeps to the audio clock (BEEP_HORIZON_MS in cue-output.ts). */
const HORIZON_MS = 30_000;

/** Every note of the session's beeps, in ms after the session starts, with its pitch: from the core alone. */
const expectedNotes = timeline.steps
  .flatMap((step) =>
    cueMarks(step).flatMap((mark) => {
      const kind = toneFor(mark.kind, step.kind);
      return kind ? tones[kind].map((note) => ({ at: step.offset * 1000 + mark.offsetMs + note.startS * 1000, hz: note.hz })) : [];
    }),
  )
  .sort((a, b) => a.at - b.at || a.hz - b.hz);

const app = useStaticApp();

describe("beeps in the browser", () => {
  it("are started on the real audio clock at the instants the session's cues are due, with the right pitches", async () => {
    // Real time, not a fake clock: the audio hardware's clock cannot be faked, and it is what plays the beeps.
    const { context, page } = await openApp(app.browser, app.server.url, "play");
    await page.getByRole("button", { name: /skip and start/i }).click();
    await page.locator('section.player[data-status="playing"]').waitFor();
    await page.waitForFunction(() => (window as unknown as { __observed: { oscillators: unknown[] } }).__observed.oscillators.length > 0);
    const observed = await readObserved(page);
    await context.close();

    // The session's start on the page's monotonic clock: when its first cue was due.
    const start = (observed.requested[0] as unknown as { dueAt: number }).dueAt;
    const played = observed.oscillators
      .map((o) => ({
        // When it is heard, on the page's clock, mapped as the player maps it (the output timestamp
        // where it holds); a note started at a moment already past plays at once (Web Audio).
        at:
          (Math.max(o.when, o.audioNow) - clockOffsetS({ currentTime: o.audioNow, getOutputTimestamp: () => o.output }, o.perfNow)) * 1000 -
          start,
        hz: o.hz,
        ahead: o.when - o.audioNow > 0.001,
        state: o.audioState,
      }))
      .sort((a, b) => a.at - b.at || a.hz - b.hz);
    expect(played.every((p) => p.state === "running")).toBe(true);

    // The get-ready tone is due the instant the session starts, so by the time it is planned it is
    // due already: it is played at once, its two notes in order, never before they are due.
    const opening = played.filter((p) => !p.ahead || p.at < 1000);
    expect(opening.map((p) => p.hz)).toEqual([523, 659]);
    expect(opening[0]!.at).toBeGreaterThanOrEqual(0);

    // Everything else due within the first plan's horizon was handed to the audio clock ahead of
    // time: 3-2-1, go, halfway, 3-2-1, the ease-off tone (2 notes) and the next go.
    const dueAhead = expectedNotes.filter((n) => n.at >= 1000 && n.at <= HORIZON_MS);
    expect(dueAhead).toHaveLength(11);
    const ahead = played.filter((p) => p.ahead && p.at >= 1000).slice(0, dueAhead.length);
    expect(ahead.map((p) => p.hz)).toEqual(dueAhead.map((n) => n.hz));
    // Each is handed to the audio clock at its due time, through the player's mapping of the two
    // clocks (which stamp it trusts is checked in sound.browser.test.ts); the slack is the stamp's jitter (0.2 ms idle, 4 ms seen under load).
    const off = ahead.map((p, i) => Math.round(p.at - dueAhead[i]!.at));
    expect(off.filter((ms) => Math.abs(ms) > 10)).toEqual([]);
  });
});
