import { Hono } from "hono";
import type { Env } from "./context.ts";
import { accountDataRoutes } from "./routes/account-data.ts";
import { authRoutes } from "./routes/auth.ts";
import { calendarRoutes } from "./routes/calendar.ts";
import { clientRoutes } from "./routes/clients.ts";
import { historyRoutes } from "./routes/history.ts";
import { mailSettingsRoutes } from "./routes/mail-settings.ts";
import { inviteMailRoutes } from "./routes/invite-mail.ts";
import { myPlanRoutes } from "./routes/my-plan.ts";
import { organisationRoutes } from "./routes/organisation.ts";
import { passwordResetRoutes } from "./routes/password-reset.ts";
import { programEditingRoutes } from "./routes/program-editing.ts";
import { programRoutes } from "./routes/programs.ts";
import { progressRoutes } from "./routes/progress.ts";
import { sessionLogRoutes } from "./routes/session-logs.ts";
import { settingsRoutes } from "./routes/settings.ts";
import { voiceRoutes } from "./routes/voice.ts";

/**
 * Every JSON endpoint under /api, chained so that its type carries each route's answers: the web
 * takes its API types from `ApiRoutes` (src/web/api-types.ts), so a changed answer fails `tsc`.
 */
export const apiRoutes = new Hono<Env>()
  .get("/health", (c) => c.json({ status: "ok" as const }))
  .route("/auth", authRoutes)
  .route("/auth/reset", passwordResetRoutes)
  .route("/programs", programEditingRoutes)
  .route("/programs", programRoutes)
  .route("/logs", sessionLogRoutes)
  .route("/progress", progressRoutes)
  .route("/history", historyRoutes)
  .route("/settings", settingsRoutes)
  .route("/account", accountDataRoutes)
  .route("/mail", mailSettingsRoutes)
  .route("/invites/email", inviteMailRoutes)
  .route("/", organisationRoutes)
  .route("/", calendarRoutes)
  .route("/clients", clientRoutes)
  .route("/", myPlanRoutes)
  .route("/voice", voiceRoutes);

/** The type of the whole API, for Hono's typed client (`hc<ApiRoutes>`) and `InferResponseType`. */
export type ApiRoutes = typeof apiRoutes;
