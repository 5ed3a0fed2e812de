import { spawn, spawnSync, type ChildProcess } from "node:child_process";

/** Something that can say a line out loud; the terminal player's voice. */
export interface Voice {
  say(text: string, interrupt: boolean): void;
  stop(): void;
}

export const silentVoice: Voice = { say() {}, stop() {} };

/** A voice through espeak-ng when it is installed, or null so the player stays silent. */
export function espeakVoice(): Voice | null {
  const probe = spawnSync("espeak-ng", ["--version"], { stdio: "ignore" });
  if (probe.error || probe.status !== 0) return null;
  let speaking: ChildProcess | null = null;
  return {
    say(text, interrupt) {
      if (interrupt && speaking) speaking.kill();
      const child = spawn("espeak-ng", ["-s", "150", text], { stdio: "ignore" });
      child.on("error", () => {});
      speaking = child;
      child.on("exit", () => {
        if (speaking === child) speaking = null;
      });
    },
    stop() {
      speaking?.kill();
      speaking = null;
    },
  };
}
