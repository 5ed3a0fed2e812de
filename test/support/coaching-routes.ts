/**
 * Every route of the coaching features and who may use it. test/server/coach-authorisation.test.ts
 * checks each against people of every kind; the general authorisation test counts these as
 * covered, so a route added without a line here fails there.
 */
export const COACHING_ROUTES: { method: string; path: string; who: "coach" | "signed-in" | "feed-token" }[] = [
  { method: "GET", path: "/api/organisation", who: "coach" },
  { method: "PUT", path: "/api/organisation", who: "coach" },
  { method: "GET", path: "/api/coach", who: "signed-in" },
  { method: "GET", path: "/api/invites", who: "coach" },
  { method: "POST", path: "/api/invites", who: "coach" },
  { method: "DELETE", path: "/api/invites/:id", who: "coach" },
  { method: "POST", path: "/api/invites/accept", who: "signed-in" },
  { method: "POST", path: "/api/invites/email", who: "coach" },
  { method: "GET", path: "/api/clients", who: "coach" },
  { method: "GET", path: "/api/clients/adherence", who: "coach" },
  { method: "GET", path: "/api/clients/:id", who: "coach" },
  { method: "PUT", path: "/api/clients/:id/prescription", who: "coach" },
  { method: "POST", path: "/api/clients/:id/messages", who: "coach" },
  { method: "POST", path: "/api/clients/:id/messages/read", who: "coach" },
  { method: "POST", path: "/api/clients/seen", who: "coach" },
  { method: "DELETE", path: "/api/clients/:id", who: "coach" },
  { method: "POST", path: "/api/practice/leave", who: "signed-in" },
  { method: "POST", path: "/api/programs", who: "coach" },
  { method: "PUT", path: "/api/programs/:id", who: "coach" },
  { method: "GET", path: "/api/prescription", who: "signed-in" },
  { method: "PUT", path: "/api/prescription", who: "signed-in" },
  { method: "GET", path: "/api/messages", who: "signed-in" },
  { method: "POST", path: "/api/messages", who: "signed-in" },
  { method: "POST", path: "/api/messages/read", who: "signed-in" },
  { method: "GET", path: "/api/calendar-feed", who: "signed-in" },
  { method: "POST", path: "/api/calendar-feed", who: "signed-in" },
  { method: "DELETE", path: "/api/calendar-feed", who: "signed-in" },
  { method: "GET", path: "/api/calendar/:file", who: "feed-token" },
];
