import { signal, type ReadonlySignal } from "@preact/signals";
import { createPlayer, type PlayerEvent, type PlayerState } from "../../core/player.ts";
import type { Program } from "../../core/program.ts";
import type { ProgressState } from "../../core/progress.ts";
import type { SessionLog } from "../../core/session-log.ts";
import { timelinePieces } from "../../core/soundtrack/program-pieces.ts";
import { compileTimeline, type Timeline } from "../../core/timeline.ts";
import type { Clock } from "../adapters/clock.ts";
import type { AppServices } from "../app-services.ts";
import { activeSession, progress, sessions, settings } from "../app-data.ts";
import { todaysProgram } from "../programs.ts";
import { thawPlayer, type ActiveSession } from "./active-session.ts";
import { guideSession, type GuidedSession } from "./guided-session.ts";
import { progressAfterSession, sessionLogOf } from "./session-record.ts";
import { lockScreenControls } from "../soundtrack/media-session.ts";
import { soundtrackServices } from "../soundtrack/soundtrack-services.ts";
import { buildSoundtrack, type Soundtrack, type VoiceMode } from "../soundtrack/soundtrack.ts";
import { loadVoiceClips } from "../soundtrack/voice-clips.ts";
import { account } from "../sync/server-api.ts";

export type PlayerStage = "loading" | "pain-before" | "playing" | "pain-after" | "summary";
/** The two controls that would throw work away, and so ask first. */
export type Confirmable = "end" | "restart";

/** Where a saved session went, as the end screen tells it. */
export type Delivery = "sending" | "sent" | "waiting" | "kept" | "device-only";

/** Everything the player page shows, in one value: the page renders it and sends intents back. */
export interface PlayerView {
  stage: PlayerStage;
  /** The one program this page plays: the session in progress's, else the link's, else today's. */
  program: Program | null;
  player: PlayerState | null;
  /** True after a reload brought back a session in progress, until the person touches it. */
  welcomeBack: boolean;
  confirming: Confirmable | null;
  log: SessionLog | null;
  delivery: Delivery | null;
  /** How this session is heard; null before it starts. */
  voiceMode: VoiceMode | null;
  /** Limber's voice for the coming session: being made, ready, or not used (the device's voice was chosen, or it failed). */
  soundtrack: "preparing" | "ready" | "none";
}

export interface PlayerController {
  readonly view: ReadonlySignal<PlayerView>;
  /** The clock the running session keeps time by: the soundtrack's position while one plays. */
  readonly clock: Clock;
  start(painBefore: number | null): void;
  finish(painAfter: number | null): Promise<void>;
  /** Back and Skip: moves that lose nothing. */
  move(event: "back" | "skip"): void;
  toggle(): void;
  /** Opens the question before End session or Restart; a playing session pauses while it is open. */
  ask(what: Confirmable): void;
  /** Answers that question: yes does it, no resumes exactly where the session was if it was playing. */
  answer(confirmed: boolean): void;
  dispose(): void;
}

export interface PlayerControllerOptions {
  services: AppServices;
  /** The session in progress kept on the device, if any: it wins over the link. */
  restored: ActiveSession | undefined;
  /** The program a "#/play?program=id" link names, or null. */
  linkedProgramId: string | null;
  /** Finds the program for an id (built-in, saved on the device, else today's). */
  programFor: (id: string | null) => Promise<Program>;
  /** Offers a just-saved session to the server at once and says where it is. */
  deliver: (log: SessionLog) => Promise<Exclude<Delivery, "sending">>;
}

/**
 * The player page's one state model over the core player: the program chosen once, the pain
 * questions, the running guided session, the confirmations and the saved result. Every change
 * goes through here, so the page itself only renders `view` and forwards taps and keys.
 */
export function createPlayerController(o: PlayerControllerOptions): PlayerController {
  const { services: svc, restored } = o;
  const view = signal<PlayerView>({
    stage: "loading",
    program: null,
    player: restored ? thawPlayer(restored.player, restored.frozenAt, svc.clock.now()) : null,
    welcomeBack: restored?.stage === "playing",
    confirming: null,
    log: null,
    delivery: null,
    voiceMode: null,
    soundtrack: "none",
  });
  const set = (patch: Partial<PlayerView>) => (view.value = { ...view.value, ...patch });
  let guide: GuidedSession | null = null;
  let meta: Omit<ActiveSession, "player" | "frozenAt" | "stage"> | null = restored
    ? { id: restored.id, programId: restored.programId, painBefore: restored.painBefore, startedWall: restored.startedWall }
    : null;
  /** Progress of a program other than today's, read once; today's lives in app-data and may be refreshed by sync. */
  let otherProgress: ProgressState | undefined;
  let resumeAfterQuestion = false;
  let disposed = false;
  /** The soundtrack made ready while the person answers the first question, for the timeline it was made from. */
  let readyTrack: { timeline: Timeline; track: Soundtrack } | null = null;
  let track: Soundtrack | null = null;
  let lockScreen: ReturnType<typeof lockScreenControls> | null = null;

  const program = () => view.value.program ?? todaysProgram;
  const progressOf = (p: Program) => (p.id === todaysProgram.id ? progress.value : otherProgress);

  function prepareSoundtrack(p: Program) {
    const s = settings.value;
    if (s.voiceEngine !== "limber" || (!s.voice && !s.sounds)) return;
    const timeline = compileTimeline(p, progressOf(p) ?? null);
    set({ soundtrack: "preparing" });
    void loadVoiceClips(s.voice ? timelinePieces(timeline) : [], { signedIn: Boolean(account.value) })
      .then((clips) => {
        if (disposed || view.value.stage !== "pain-before") return;
        readyTrack = {
          timeline,
          track: buildSoundtrack(timeline, clips, { voice: s.voice, sounds: s.sounds, volume: s.volume, rate: s.voiceRate }, svc.clock),
        };
        set({ soundtrack: "ready" });
      })
      .catch((e: unknown) => {
        console.warn("Limber's voice could not be made ready; this session uses the device's voice.", e);
        set({ soundtrack: "none" });
      });
  }

  /** Takes the ready soundtrack when it was made for this very timeline. */
  function takeSoundtrack(timeline: Timeline): Soundtrack | null {
    const ready = readyTrack;
    readyTrack = null;
    if (!ready) return null;
    const same = JSON.stringify(ready.timeline) === JSON.stringify(timeline);
    if (same) return ready.track;
    ready.track.dispose();
    return null;
  }

  function begin(player: PlayerState, soundtrack: Soundtrack | null) {
    guide?.stop();
    track = soundtrack;
    const p = program();
    if (soundtrack) {
      lockScreen = lockScreenControls(p, "icon-512.png", {
        play: () => guide?.state.status === "paused" && guide.send({ type: "resume" }),
        pause: () => guide?.state.status === "playing" && guide.send({ type: "pause" }),
        next: () => guide?.send({ type: "skip" }),
        previous: () => guide?.send({ type: "back" }),
        seekTo: (seconds) => {
          const target = soundtrack.plan.stepStarts.findLastIndex((s) => s / soundtrack.plan.sampleRate <= seconds);
          for (let guard = 0; guide && guide.state.index !== target && guard < 200; guard++)
            guide.send({ type: guide.state.index < target ? "skip" : "back" });
        },
      });
      soundtrack.onOutsideChange((playing) => {
        const status = guide?.state.status;
        if (playing && status === "paused") guide!.send({ type: "resume" });
        if (!playing && status === "playing") guide!.send({ type: "pause" });
      });
    }
    const voiceMode: VoiceMode = !soundtrack ? "device" : soundtrack.unvoicedTexts.size > 0 ? "soundtrack-and-device" : "soundtrack";
    set({ voiceMode });
    guide = guideSession({
      services: soundtrack ? soundtrackServices(svc, soundtrack, player.timeline) : svc,
      player,
      meta: meta!,
      settings: () => settings.value,
      onState: (s) => {
        track?.follow(s);
        if (track) lockScreen?.show(s, track.audio);
        set(s.status === "finished" ? { player: s, stage: "pain-after", confirming: null } : { player: s });
      },
      onSaved: (a) => (activeSession.value = a),
    });
  }

  function endSoundtrack(cutOff: boolean) {
    lockScreen?.clear();
    lockScreen = null;
    const t = track;
    track = null;
    if (!t) return;
    // The last chime and words play out; anything else stops at once.
    if (cutOff || t.audio.ended || t.audio.paused) t.dispose();
    else t.audio.addEventListener("ended", () => t.dispose(), { once: true });
  }

  void o.programFor(restored?.programId ?? o.linkedProgramId).then(async (chosen) => {
    if (chosen.id !== todaysProgram.id) otherProgress = await svc.store.getProgress(chosen.id);
    if (disposed) return;
    const stage: PlayerStage = restored ? restored.stage : "pain-before";
    set({ program: chosen, stage });
    if (stage === "pain-before") prepareSoundtrack(chosen);
    // A session brought back by a reload plays on the device's voice: its soundtrack would have to wait for a tap.
    if (restored?.stage === "playing" && view.value.player) begin(view.value.player, null);
  });

  return {
    view,
    get clock() {
      return track?.clock ?? svc.clock;
    },
    start(painBefore) {
      svc.sound.unlock();
      const p = program();
      const timeline = compileTimeline(p, progressOf(p) ?? null);
      const player = createPlayer(timeline);
      meta = { id: crypto.randomUUID(), programId: p.id, painBefore, startedWall: svc.clock.wallNow() };
      begin(player, takeSoundtrack(timeline));
      set({ stage: "playing", player, welcomeBack: false });
      guide!.send({ type: "start" });
    },

    async finish(painAfter) {
      const player = guide?.state ?? view.value.player;
      if (!meta || !player) return;
      // The session ended when its last step did, not when the pain question was answered.
      const answeredAfter = player.finishedAt === null ? 0 : Math.max(0, svc.clock.now() - player.finishedAt);
      const log = sessionLogOf({
        id: meta.id,
        player,
        startedWall: meta.startedWall,
        endedWall: svc.clock.wallNow() - answeredAfter,
        painBefore: meta.painBefore,
        painAfter,
      });
      // Progress moves only with the program that was played; if it could not be found, the log is still kept.
      const p = program();
      const next = p.id === meta.programId ? progressAfterSession(p, progressOf(p), log) : null;
      guide?.stop();
      guide = null;
      endSoundtrack(!player.completed);
      await svc.store.finishSession(log, next);
      if (next && p.id === todaysProgram.id) progress.value = next;
      activeSession.value = undefined;
      sessions.value = await svc.store.listSessions();
      set({ stage: "summary", log, delivery: "sending" });
      const delivery = await o.deliver(log);
      if (!disposed) set({ delivery });
    },

    move(event) {
      guide?.send({ type: event });
    },

    toggle() {
      if (!guide) return;
      svc.sound.unlock();
      set({ welcomeBack: false });
      guide.send({ type: guide.state.status === "paused" ? "resume" : "pause" });
    },

    ask(what) {
      if (!guide || view.value.confirming) return;
      resumeAfterQuestion = guide.state.status === "playing";
      if (resumeAfterQuestion) guide.send({ type: "pause" });
      set({ confirming: what });
    },

    answer(confirmed) {
      const what = view.value.confirming;
      if (!what || !guide) return;
      set({ confirming: null, welcomeBack: false });
      if (confirmed) guide.send({ type: what === "end" ? "finish" : "restart" });
      else if (resumeAfterQuestion) guide.send({ type: "resume" });
      resumeAfterQuestion = false;
    },

    dispose() {
      disposed = true;
      const g = guide;
      if (g && g.state.status !== "finished") void g.save();
      g?.stop();
      guide = null;
      endSoundtrack(true);
      readyTrack?.track.dispose();
      readyTrack = null;
    },
  };
}
