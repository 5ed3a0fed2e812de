import type { hc, InferResponseType } from "hono/client";
import type { StatusCode } from "hono/utils/http-status";
import type { ApiRoutes } from "../server/api-routes.ts";

/**
 * The web's API types, taken from the server's chained routes (src/server/api-routes.ts) rather
 * than copied by hand: when a route changes what it answers, every page that reads the old shape
 * fails `tsc`. Type-only, so none of the server reaches the browser bundle.
 */
type Api = ReturnType<typeof hc<ApiRoutes>>;

/** What an endpoint answers with a given status (200 unless said), as the browser receives it (JSON). */
export type AnswerOf<Endpoint, Status extends StatusCode = 200> = Endpoint extends (...args: never[]) => unknown
  ? InferResponseType<Endpoint, Status>
  : never;

/** GET /api/auth/me */
export type MeAnswer = AnswerOf<Api["auth"]["me"]["$get"]>;
/** GET /api/clients: the coach's dashboard. */
export type DashboardAnswer = AnswerOf<Api["clients"]["$get"]>;
/** GET /api/clients/:id: one client's page. */
export type ClientDetailAnswer = AnswerOf<Api["clients"][":id"]["$get"]>;
/** GET /api/prescription: a person's own plan, program and coach. */
export type MyPlanAnswer = AnswerOf<Api["prescription"]["$get"]>;
/** PUT /api/prescription and PUT /api/clients/:id/prescription */
export type PrescriptionSaved = AnswerOf<Api["prescription"]["$put"]>;
/** POST /api/invites/accept */
export type InviteAccepted = AnswerOf<Api["invites"]["accept"]["$post"]>;
/** GET /api/progress/:programId */
export type ProgressAnswer = AnswerOf<Api["progress"][":programId"]["$get"]>;
/** GET /api/history: the client's own calendar, streak, adherence and pain trend. */
export type HistoryAnswer = AnswerOf<Api["history"]["$get"]>;
/** POST /api/logs: the log's id, and whether it was new (201) or already there (200). */
export type LogStored = AnswerOf<Api["logs"]["$post"], 201>;
/** GET /api/logs: the signed-in person's session logs, oldest first. */
export type LogsAnswer = AnswerOf<Api["logs"]["$get"]>;
/** GET /api/messages: a client's conversation with their coach. */
export type ConversationAnswer = AnswerOf<Api["messages"]["$get"]>;
/** POST /api/invites/preview: whom an invite leads to. */
export type InvitePreviewAnswer = AnswerOf<Api["invites"]["preview"]["$post"]>;
/** POST /api/invites: a new invite, its code shown once. */
export type InviteMade = AnswerOf<Api["invites"]["$post"], 201>;
/** GET /api/mail and PUT /api/mail: a person's mail settings and whether their email is checked. */
export type MailSettingsAnswer = AnswerOf<Api["mail"]["$get"]>;
