import { createApp } from "../../src/server/app.ts";
import { manualClock } from "../../src/server/clock.ts";
import type { ServerDeps } from "../../src/server/context.ts";
import { openDatabase, type Database } from "../../src/server/db/database.ts";
import { prepareDeps } from "../../src/server/serving.ts";
import { ApiClient, inProcess } from "./api-client.ts";
import type { TestBackend } from "./backends.ts";

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: ServerDeps;
  database: Database;
  clock: ReturnType<typeof manualClock>;
  errors: unknown[];
  client(): ApiClient;
}

/** The real app on a fresh, migrated database of the backend's kind, driven in-process with a manual clock. */
export async function openTestApp(backend: TestBackend, options: { webDir?: string } = {}): Promise<TestApp> {
  const database = await openDatabase(await backend.emptyDatabase());
  const clock = manualClock("2026-11-25T09:00:00Z");
  const deps = await prepareDeps(database, clock);
  const errors: unknown[] = [];
  const app = createApp(deps, { ...options, logError: (e) => errors.push(e) });
  return { app, deps, database, clock, errors, client: () => new ApiClient(inProcess(app)) };
}
