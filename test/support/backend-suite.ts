import { afterAll, beforeAll } from "vitest";
import type { BackendName } from "./backends.ts";
import { TestBackend } from "./backends.ts";
import { openTestApp, type TestApp } from "./test-app.ts";

/** What a suite on one backend reaches: the app opened for it in beforeAll, and the backend. */
export interface BackendSuite {
  readonly t: TestApp;
  readonly backend: TestBackend;
}

/**
 * The setup every in-process API suite repeats: a backend of the given kind, the real app on a
 * fresh migrated database opened before the suite's tests, and both closed after them.
 * Call it inside `describe.each(BACKENDS)`.
 */
export function useTestApp(name: BackendName, options: { webDir?: string } = {}): BackendSuite {
  const backend = new TestBackend(name);
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await openTestApp(backend, options);
  });
  afterAll(async () => {
    await app?.database.close();
    await backend.stop();
  });
  return {
    backend,
    get t() {
      if (!app) throw new Error("the test app is opened in beforeAll; reach it from inside a test or hook");
      return app;
    },
  };
}
