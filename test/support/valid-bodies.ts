import { builtInProgram } from "../../content/index.ts";
import { sessionLog } from "./api-client.ts";

export const PROGRAM = "foot-stretches-for-lower-back-pain";

/**
 * A valid body for each route that takes one, keyed "METHOD /path/:param". The fuzz tests mutate
 * them (near the valid shape reaches deeper than random JSON); the CSRF tests send them with a bad
 * token, so a refusal is the CSRF check's and not the body's.
 */
export const VALID_BODIES: Record<string, unknown> = {
  "POST /api/auth/sign-up": { email: "someone@example.org", password: "correct horse battery", displayName: "Someone", role: "client" },
  "POST /api/auth/sign-in": { email: "someone@example.org", password: "correct horse battery" },
  "POST /api/auth/reset/request": { email: "someone@example.org" },
  "POST /api/auth/reset/check": { token: "bm90LWEtcmVhbC10b2tlbi1qdXN0LXRoZS1zaGFwZQ" },
  "POST /api/auth/reset": { token: "bm90LWEtcmVhbC10b2tlbi1qdXN0LXRoZS1zaGFwZQ", newPassword: "another long password" },
  "PUT /api/mail": { reminderTime: "08:30", timeZone: "Europe/Berlin", weeklySummary: false },
  "POST /api/mail/email-check/use": { token: "bm90LWEtcmVhbC10b2tlbi1qdXN0LXRoZS1zaGFwZQ" },
  "POST /api/mail/unsubscribe": { token: "r.00000000-0000-4000-8000-000000000000.bm90LWEtcmVhbC10b2tlbi1qdXN0LXRoZS1zaGFwZQ" },
  "POST /api/auth/password": { currentPassword: "not the password at all", newPassword: "another long password" },
  "POST /api/logs": sessionLog(),
  "PUT /api/progress/:programId/hold": { exerciseId: "wall-calf-stretch", phaseId: "calf", seconds: 40 },
  "PUT /api/settings": { planDaysPerWeek: 4 },
  "DELETE /api/account": { password: "not the password at all" },
  "PUT /api/organisation": { name: "Calm Backs", contact: "Phone 0123 456 789" },
  "POST /api/invites": { label: "for a client", days: 14 },
  "POST /api/invites/email": { email: "someone@example.org", label: "for a client", days: 14 },
  "POST /api/invites/accept": { code: "AAAA-BBBB-CCCC-DDDD-EEEE" },
  "PUT /api/clients/:id/prescription": {
    programId: PROGRAM,
    programVersion: 1,
    schedule: { kind: "weekdays", days: ["mon", "wed", "fri"], startDate: "2026-11-02" },
    note: "Gently, and stop if it hurts.",
  },
  "PUT /api/prescription": {
    programId: PROGRAM,
    programVersion: 1,
    schedule: { kind: "per-week", timesPerWeek: 2, startDate: "2026-11-23" },
    note: "",
  },
  "POST /api/messages": { body: "My left calf felt tight today." },
  "POST /api/clients/:id/messages": { body: "Well done this week; try the calf stretch a little longer." },
  "POST /api/invites/preview": { code: "AAAA-BBBB-CCCC-DDDD-EEEE" },
  "POST /api/programs": { ...builtInProgram(PROGRAM)!, id: "fuzzed-program", title: "A coach's program" },
  "PUT /api/programs/:id": { ...builtInProgram(PROGRAM)!, id: "fuzzed-program", title: "A coach's program, edited" },
};
