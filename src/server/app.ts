import { Hono } from "hono";
import { csrfGuard } from "./auth/csrf.ts";
import { currentSession } from "./auth/current-session.ts";
import type { Env, ServerDeps } from "./context.ts";
import { isDatabaseUnavailable, isStorageFull } from "./db/unavailable.ts";
import { limitBody } from "./http/body-limit.ts";
import { refuseNulInPath } from "./http/path-nul.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { serveWebApp } from "./http/static-web.ts";
import { apiRoutes } from "./api-routes.ts";
import { oneClickUnsubscribe } from "./routes/mail-settings.ts";
import { logInOneRoundTrip } from "./routes/session-logs.ts";

export interface AppOptions {
  /** The built web app (dist/web); the API alone when absent. */
  webDir?: string;
  /** Where unexpected errors are reported; stderr by default. */
  logError?: (error: unknown) => void;
}

/** The whole HTTP surface: the JSON API under /api and the web app everywhere else. */
export function createApp(deps: ServerDeps, options: AppOptions = {}) {
  const logError = options.logError ?? ((e: unknown) => console.error("limber: request failed:", e));
  const app = new Hono<Env>();
  app.use(securityHeaders);
  app.use(async (c, next) => {
    c.set("deps", deps);
    await next();
  });

  const api = new Hono<Env>();
  api.use(async (c, next) => {
    await next();
    if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-store");
  });
  api.use(
    limitBody(1024 * 1024, (c) =>
      c.json({ error: "This is larger than 1 MiB, more than Limber takes at once. Send less and try again." }, 413),
    ),
  );
  api.use(refuseNulInPath(() => app.routes.filter((r) => r.method !== "ALL")));
  // Before the session lookup: a log's own statement checks the session (routes/session-logs.ts).
  api.post("/logs", logInOneRoundTrip);
  api.use(currentSession);
  api.use(csrfGuard);
  api.route("/", apiRoutes);
  api.all("*", (c) => c.json({ error: `Limber has no ${c.req.method} ${c.req.path}. Check the address against docs/api.md.` }, 404));
  app.route("/api", api);
  app.route("/mail/unsubscribe", oneClickUnsubscribe);

  if (options.webDir) app.use(serveWebApp(options.webDir));
  app.notFound((c) =>
    c.req.path.startsWith("/api")
      ? c.json({ error: "Nothing is kept at this address. Check it and try again." }, 404)
      : c.text("Not found", 404),
  );
  app.onError((error, c) => {
    logError(error);
    if (isStorageFull(error)) {
      c.header("Retry-After", "60");
      return c.json({ error: "The server has no room to store this right now, so nothing was saved. Please try again later." }, 503);
    }
    if (isDatabaseUnavailable(error)) {
      c.header("Retry-After", "5");
      return c.json(
        { error: "The database is unavailable right now. Please try again shortly; a session sent again is still stored only once." },
        503,
      );
    }
    return c.json({ error: "Something went wrong on the server. Nothing you sent before this was lost; please try again." }, 500);
  });
  return app;
}
