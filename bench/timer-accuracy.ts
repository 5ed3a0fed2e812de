/**
 * How precisely the web player keeps time, against a naive setInterval(1000) countdown.
 *
 * Runs the built app in the system Chromium with 4x CPU throttling for a real 3 minutes (the
 * first 3 minutes of the built-in program, unshortened) and records, in the page with
 * performance.now(), when each cue reached the speech adapter. Every step's start is an
 * "instruction" cue, so its error against the schedule (session start + step offset) is the
 * step-boundary error. In the same page and from the same instant, a naive countdown that
 * decrements a counter on each setInterval(1000) tick walks the same steps; its boundary
 * errors are the baseline.
 *
 * Writes its section of BENCHMARKS.md.
 *
 *   npm run bench:timer            (about 3.5 minutes)
 *   BENCH_SECONDS=60 npm run bench:timer   for a quicker, less telling run
 *   BENCH_THROTTLE=1 npm run bench:timer   without CPU throttling, as a control
 */
import { builtInProgram, defaultProgramId } from "../content/index.ts";
import { cueMarks } from "../src/core/cues.ts";
import { compileTimeline } from "../src/core/timeline.ts";
import { launchBrowser } from "../e2e/support/browser.ts";
import { serveStatic } from "../e2e/support/static-server.ts";
import { beginRun, runHeader, writeSection } from "./benchmarks-section.ts";
import { buildWebApp, summarise } from "./web-build.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 180);
const throttle = Number(process.env.BENCH_THROTTLE ?? 4);
const run = beginRun("bench:timer", { BENCH_SECONDS: seconds, BENCH_THROTTLE: throttle });
/** One frame at 60 Hz: the target for a step boundary. */
const FRAME_MS = 17;
const timeline = compileTimeline(builtInProgram(defaultProgramId)!, null);
const durations = timeline.steps.map((s) => s.seconds);
const offsets = timeline.steps.map((s) => s.offset);

/** Least-squares slope of error against planned time, in ms of error gained per minute. */
function trendPerMinute(plannedMs: number[], errors: number[]): number {
  const n = errors.length;
  const mx = plannedMs.reduce((a, b) => a + b, 0) / n;
  const my = errors.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  plannedMs.forEach((x, i) => {
    num += (x - mx) * (errors[i]! - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? 0 : (num / den) * 60_000;
}

const dir = await buildWebApp();
const server = await serveStatic(dir);
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await context.addInitScript((steps: number[]) => {
    const rec = {
      limber: [] as { t: number; mode: string; text: string; dueAt: number }[],
      naive: [] as { t: number; index: number }[],
      t0: 0,
    };
    (window as unknown as { __bench: typeof rec }).__bench = rec;
    window.addEventListener("limber:speech", (e) => {
      const t = performance.now();
      const detail = (e as CustomEvent<{ mode: string; text: string; dueAt: number }>).detail;
      if (rec.limber.length === 0) {
        // Start the naive countdown at the same instant the session starts.
        rec.t0 = t;
        let index = 0;
        let left = steps[0]!;
        const id = setInterval(() => {
          left--;
          if (left > 0) return;
          index++;
          rec.naive.push({ t: performance.now(), index });
          if (index >= steps.length - 1) return clearInterval(id);
          left = steps[index]!;
        }, 1000);
      }
      rec.limber.push({ t, mode: detail.mode, text: detail.text, dueAt: detail.dueAt });
    });
  }, durations);
  const page = await context.newPage();
  // This bench times the live cues (device voice, beeps on the audio clock); Limber's own voice plays a
  // soundtrack instead, measured by bench/soundtrack.ts.
  await page.goto(`${server.url}#/settings`);
  await page.getByRole("radio", { name: "This device’s voice" }).check();
  await page.goto(`${server.url}#/play`);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  await page.getByRole("button", { name: /skip and start/i }).click();
  await page.waitForTimeout(seconds * 1000 + 1500);
  const rec = await page.evaluate(
    () =>
      (
        window as unknown as {
          __bench: {
            limber: { t: number; mode: string; text: string; dueAt: number }[];
            naive: { t: number; index: number }[];
            t0: number;
          };
        }
      ).__bench,
  );

  // Expected instants of every cue and every step start inside the run.
  const expectedCues = timeline.steps.flatMap((s) =>
    cueMarks(s).map((m) => ({ at: s.offset * 1000 + m.offsetMs, step: m.offsetMs === 0, text: m.text })),
  );
  const inRun = expectedCues.filter((c) => c.at <= seconds * 1000);
  const boundaries = inRun.filter((c) => c.step && c.at > 0);
  // The schedule is fixed by the session's start instant (the first cue's due time): each cue
  // is due at start + its planned offset, whatever happened before it.
  const start = rec.limber[0]!.dueAt;
  const instructions = rec.limber.filter((r) => r.mode === "interrupt").slice(1);
  const limberBoundaryErr = boundaries.map((b, i) => (instructions[i] ? instructions[i]!.t - (start + b.at) : NaN));
  const limberCueErr = inRun.slice(1).map((c, i) => (rec.limber[i + 1] ? rec.limber[i + 1]!.t - (start + c.at) : NaN));
  const engineScheduleSlip = inRun.map((c, i) => (rec.limber[i] ? rec.limber[i]!.dueAt - (start + c.at) : NaN));
  const worst = inRun
    .slice(1)
    .map((c, i) => ({ text: c.text, plannedMs: c.at, errorMs: limberCueErr[i]! }))
    .sort((a, b) => Math.abs(b.errorMs) - Math.abs(a.errorMs))
    .slice(0, 3);
  const naiveInRun = rec.naive.filter((n) => offsets[n.index]! * 1000 <= seconds * 1000);
  const naiveErr = naiveInRun.map((n) => n.t - rec.t0 - offsets[n.index]! * 1000);
  const naivePlanned = naiveInRun.map((n) => offsets[n.index]! * 1000);

  const fmt = (x: number) => x.toFixed(1);
  const row = (name: string, planned: number[], errs: number[]) => {
    const s = summarise(errs.map(Math.abs));
    return `| ${name} | ${s.n} | ${fmt(s.median)} | ${fmt(s.p99)} | ${fmt(s.max)} | ${fmt(errs[errs.length - 1]!)} | ${fmt(trendPerMinute(planned, errs))} |`;
  };
  const missing = inRun.length - rec.limber.length;
  const slip = Math.max(...engineScheduleSlip.map(Math.abs));
  const within = (errs: number[]) => errs.filter((e) => Math.abs(e) <= FRAME_MS).length;
  const list = (errs: number[]) => errs.map((e) => fmt(e)).join(", ");
  await writeSection("web-timer", [
    "## Web: timer accuracy of the player (bench/timer-accuracy.ts)",
    "",
    ...runHeader(run),
    `Chromium ${browser.version()} headless, \`Emulation.setCPUThrottlingRate\` rate ${throttle}, phone viewport, the built app from a temporary build. ` +
      `The real app on \`#/play\` plays the built-in program unshortened for its first ${seconds} real seconds (${boundaries.length} step boundaries, ${inRun.length} cues). ` +
      "In the page, `performance.now()` is taken when each cue reaches the speech adapter (every step start is an instruction cue); the schedule is the session's start instant plus each step's planned offset. " +
      "Baseline in the same page and run, started in the same instant: a naive countdown that decrements a counter on each `setInterval(1000)` tick and moves to the next step at zero.",
    "",
    "| timer | samples | median abs error ms | p99 abs error ms | max abs error ms | last error ms | drift trend ms/min |",
    "|---|---:|---:|---:|---:|---:|---:|",
    row(
      "Limber player: step boundaries",
      boundaries.map((b) => b.at),
      limberBoundaryErr,
    ),
    row(
      "Limber player: every cue (incl. 3-2-1, halfway)",
      inRun.slice(1).map((c) => c.at),
      limberCueErr,
    ),
    row("naive setInterval(1000) countdown: step boundaries (baseline)", naivePlanned, naiveErr),
    "",
    `- Step boundaries within one frame (${FRAME_MS} ms): Limber ${within(limberBoundaryErr)} of ${limberBoundaryErr.length}; naive ${within(naiveErr)} of ${naiveErr.length}. ` +
      `With ${limberBoundaryErr.length} samples the p99 is the maximum.`,
    `- The engine's due instants against the ideal schedule: largest difference ${fmt(slip)} ms over ${inRun.length} cues; cues never reached: ${missing}.`,
    `- Latest cues: ${worst.map((w) => `"${w.text.slice(0, 40)}" at ${fmt(w.plannedMs / 1000)} s, ${fmt(w.errorMs)} ms`).join("; ")}.`,
    `- Per-boundary errors (ms), Limber: ${list(limberBoundaryErr)}; naive: ${list(naiveErr)}.`,
  ]);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
