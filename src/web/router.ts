import { signal } from "@preact/signals";

export type RouteName =
  | "home"
  | "play"
  | "exercises"
  | "learn"
  | "settings"
  | "history"
  | "account"
  | "import"
  | "coach"
  | "client"
  | "join"
  | "plan"
  | "editor"
  | "handout"
  | "reset"
  | "check-email"
  | "unsubscribe"
  | "more";

const names: readonly RouteName[] = [
  "home",
  "play",
  "exercises",
  "learn",
  "settings",
  "history",
  "account",
  "import",
  "coach",
  "client",
  "join",
  "plan",
  "editor",
  "handout",
  "reset",
  "check-email",
  "unsubscribe",
  "more",
];

/** Reads "#/learn" as "learn"; anything unknown is home. */
export function routeOf(hash: string): RouteName {
  const name = hash.replace(/^#\/?/, "").split(/[/?]/)[0] ?? "";
  return (names as readonly string[]).includes(name) ? (name as RouteName) : "home";
}

export const hrefOf = (route: RouteName) => (route === "home" ? "#/" : `#/${route}`);

export const route = signal<RouteName>(typeof location === "undefined" ? "home" : routeOf(location.hash));

export function followHash(): void {
  window.addEventListener("hashchange", () => {
    route.value = routeOf(location.hash);
  });
}

export function go(to: RouteName): void {
  location.hash = hrefOf(to);
}
