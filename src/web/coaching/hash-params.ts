import { signal } from "@preact/signals";

/** The parts of "#/client/abc?x=1" after the page name: ["abc"]. */
export function hashSegments(hash: string): string[] {
  return hash.replace(/^#\/?/, "").split("?")[0]!.split("/").slice(1).filter(Boolean).map(decodeURIComponent);
}

/** The current hash's segments, kept up to date, so a page re-renders when only its id changes. */
export const segments = signal<string[]>(typeof location === "undefined" ? [] : hashSegments(location.hash));
if (typeof window !== "undefined") window.addEventListener("hashchange", () => (segments.value = hashSegments(location.hash)));
