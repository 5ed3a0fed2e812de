import { performance } from "node:perf_hooks";
import type { Cue } from "../core/cues.ts";
import { createPlayer, nextDueAt, updatePlayer, type PlayerEvent, type PlayerState } from "../core/player.ts";
import { progressAfter } from "../core/progress.ts";
import { summariseSession } from "../core/session-log.ts";
import { compileTimeline } from "../core/timeline.ts";
import { intFlag, parseArgs, UsageError } from "./args.ts";
import type { Command } from "./commands.ts";
import { loadProgram } from "./program-source.ts";
import { espeakVoice, silentVoice, type Voice } from "./speech.espeak.ts";
import { formatClock, keyToAction, renderFrame } from "./terminal-frame.ts";
import { count } from "../core/words.ts";

/** Cues worth saying aloud; late ones (from a stalled process) are dropped except the newest instruction. */
function speak(voice: Voice, cues: Cue[], now: number) {
  const fresh = cues.filter((c) => now - c.at < 1500);
  for (const c of fresh) voice.say(c.text, c.kind !== "countdown" && c.kind !== "halfway");
  if (fresh.length === 0) {
    const latest = cues.filter((c) => c.kind === "step" || c.kind === "switch-side" || c.kind === "done").at(-1);
    if (latest) voice.say(latest.text, true);
  }
}

export const runCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, ["silent"], ["session", "speed"]);
  if (args.positional.length !== 1) throw new UsageError("usage: limber run <id|file.json> [--session N] [--silent]");
  const program = await loadProgram(args.positional[0]!);
  const session = intFlag(args, "session", 1, 1, 10_000);
  // --speed runs the clock faster, for demonstrations and tests; the program itself is unchanged.
  const speed = intFlag(args, "speed", 1, 1, 1000);
  const voice = args.flags.has("silent") ? silentVoice : (espeakVoice() ?? silentVoice);
  const origin = performance.now();
  const clock = () => (performance.now() - origin) * speed;
  const tty = process.stdout.isTTY === true;
  const stdin = process.stdin;

  let state: PlayerState = createPlayer(compileTimeline(program, progressAfter(program, session - 1)));
  let timer: NodeJS.Timeout | null = null;

  return await new Promise<number>((resolve) => {
    const draw = () => {
      if (!tty) return;
      process.stdout.write("\u001b[H\u001b[2J" + renderFrame(state, clock(), process.stdout.columns || 60).join("\n") + "\n");
    };
    const apply = (event: PlayerEvent["type"]) => {
      const now = clock();
      state = updatePlayer(state, { type: event } as PlayerEvent, now);
      speak(voice, state.cues, now);
      if (!tty)
        for (const c of state.cues) if (c.kind !== "countdown" && c.kind !== "halfway") io.out(`[${formatClock(c.at / 1000)}] ${c.text}`);
      draw();
      schedule();
      if (state.status === "finished") end();
    };
    const schedule = () => {
      if (timer) clearTimeout(timer);
      const due = nextDueAt(state);
      // Wake at the next cue or boundary, and at least every quarter second to redraw the countdown.
      const wait = due === null ? 250 : Math.min(250, Math.max(0, (due - clock()) / speed));
      timer = setTimeout(() => apply("tick"), wait);
    };
    const onKey = (data: Buffer) => {
      const action = keyToAction(data.toString("utf8"));
      if (action === "quit") apply("finish");
      else if (action === "pause-toggle") apply(state.status === "paused" ? "resume" : "pause");
      else if (action) apply(action);
    };
    const end = () => {
      if (timer) clearTimeout(timer);
      stdin.off("data", onKey);
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      const s = summariseSession(state);
      const held = s.holds.reduce((sum, h) => sum + h.heldSeconds, 0);
      io.out(
        `${s.completed ? "Session complete." : "Session ended early."} ${s.holds.length} of ${count(state.timeline.holdCount, "hold")}, ${Math.round(held)} s of stretching.`,
      );
      setTimeout(
        () => {
          voice.stop();
          resolve(0);
        },
        s.completed && voice !== silentVoice ? 2500 : 0,
      );
    };
    if (stdin.isTTY) stdin.setRawMode(true);
    stdin.on("data", onKey);
    stdin.resume();
    apply("start");
  });
};
