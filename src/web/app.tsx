import { signal } from "@preact/signals";
import type { ComponentType } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { hrefOf, route, type RouteName } from "./router.ts";
import { coachingNav } from "./coaching/nav.ts";
import { account } from "./sync/server-api.ts";

type PageModule = { default: ComponentType };

const loaders: Record<RouteName, () => Promise<PageModule>> = {
  home: () => import("./pages/home.tsx"),
  play: () => import("./pages/player.tsx"),
  exercises: () => import("./pages/exercises.tsx"),
  learn: () => import("./pages/learn.tsx"),
  settings: () => import("./pages/settings.tsx"),
  history: () => import("./history/history-page.tsx"),
  account: () => import("./account/account-page.tsx"),
  coach: () => import("./coaching/coach-page.tsx"),
  client: () => import("./coaching/client-page.tsx"),
  join: () => import("./coaching/join-page.tsx"),
  plan: () => import("./coaching/plan-page.tsx"),
  editor: () => import("./coaching/editor-page.tsx"),
  handout: () => import("./coaching/handout-page.tsx"),
  import: () => import("./import/import-page.tsx"),
  reset: () => import("./account/reset-page.tsx"),
  "check-email": () => import("./account/check-email-page.tsx"),
  unsubscribe: () => import("./account/unsubscribe-page.tsx"),
  more: () => import("./pages/more.tsx"),
};

const titles: Record<RouteName, string> = {
  home: "Today",
  play: "Session",
  exercises: "Exercises",
  learn: "Learn",
  settings: "Settings",
  history: "History",
  account: "Account",
  coach: "Clients",
  client: "Client",
  join: "Join your coach",
  plan: "My plan",
  editor: "Programs",
  handout: "Handout",
  import: "Import",
  reset: "New password",
  "check-email": "Check your email",
  unsubscribe: "Stop mail",
  more: "More",
};

const loaded = signal<Partial<Record<RouteName, ComponentType>>>({});

/** Each page is its own chunk, fetched when first visited, so the player loads only what it needs. */
function Page({ name }: { name: RouteName }) {
  const Component = loaded.value[name];
  useEffect(() => {
    if (Component) return;
    void loaders[name]().then((m) => {
      loaded.value = { ...loaded.value, [name]: m.default };
    });
  }, [name, Component]);
  return Component ? <Component /> : <p class="loading">Loading…</p>;
}

/**
 * Four entries, so the navigation fits one row on a phone, with large targets: what people use
 * every day, then More for the rest (Exercises, Learn, Account, Settings, Import; Programs for coaches).
 */
const navFor = (me: typeof account.value): RouteName[] => ["home", "history", ...coachingNav(me), "more"];
const underMore: ReadonlySet<RouteName> = new Set([
  "exercises",
  "learn",
  "account",
  "settings",
  "import",
  "editor",
  "reset",
  "check-email",
  "unsubscribe",
]);

export function App() {
  const name = route.value;
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    document.title = `${titles[name]} · Limber`;
    // After in-app navigation, move focus to the new page so screen readers announce it.
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [name]);
  return (
    <>
      <a class="skip-link" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href="#/" aria-label="Limber, home">
          <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
            <circle cx="16" cy="16" r="14" fill="none" stroke="currentColor" stroke-width="2.5" />
            <path d="M9 19c3 4 11 4 14 0" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" />
          </svg>
          <span>Limber</span>
        </a>
        <nav aria-label="Main">
          <ul>
            {navFor(account.value).map((r) => (
              <li key={r}>
                <a href={hrefOf(r)} aria-current={name === r ? "page" : r === "more" && underMore.has(name) ? "location" : undefined}>
                  {titles[r]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Page name={name} />
      </main>
    </>
  );
}
