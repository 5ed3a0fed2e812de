import type { Browser, Page } from "playwright-core";
import type { RunningServer } from "../../src/server/server.ts";

/** The sizes and themes every shot is taken in: a 390×844 phone and a 1280×800 laptop, light and dark. */
export const variants = [
  { device: "phone", scheme: "light", viewport: { width: 390, height: 844 } },
  { device: "phone", scheme: "dark", viewport: { width: 390, height: 844 } },
  { device: "laptop", scheme: "light", viewport: { width: 1280, height: 800 } },
  { device: "laptop", scheme: "dark", viewport: { width: 1280, height: 800 } },
] as const;

export type Variant = (typeof variants)[number];

/** What the gallery runs against: the real server on a fresh PGlite folder serving this run's build. */
export interface ShotEnv {
  readonly browser: Browser;
  readonly server: RunningServer;
  /** The app's address, ending with a slash. */
  readonly baseUrl: string;
}

export interface ShotContext<T> {
  readonly env: ShotEnv;
  /** What the group's `prepare` made (accounts, clients, sessions), once per gallery run. */
  readonly data: T;
  readonly variant: Variant;
}

/** One page or state: the gallery opens a fresh browser context, goes to `route`, then runs `show`. */
export interface Shot<T = void> {
  /** The file name stem: `<name>-<device>-<scheme>.png`; lowercase words joined by dashes. */
  readonly name: string;
  /** The hash route opened first ("" is home, "learn", "play", …). */
  readonly route?: string;
  /** Install the page's fake clock at this wall time before the app loads (for players and dated pages). */
  readonly fakeClockAt?: Date;
  /** Brings the page into the state to picture; the screenshot is taken when it returns. */
  readonly show?: (page: Page, ctx: ShotContext<T>) => Promise<void>;
  /** The whole scrolling page (the default) or only what fits on the screen, as a person first sees it. */
  readonly fullPage?: boolean;
}

/** The shots of one area of the app, in `shots-<area>.ts`, exported as `shotGroup`. */
export interface ShotGroup<T = void> {
  readonly area: string;
  /** Runs once before the group's first shot, e.g. to make a coach with clients over the real API. */
  readonly prepare?: (env: ShotEnv) => Promise<T>;
  readonly shots: readonly Shot<T>[];
}

/** Declares a group with its data type checked across `prepare` and every shot. */
export function defineShots<T = void>(group: ShotGroup<T>): ShotGroup<T> {
  return group;
}
