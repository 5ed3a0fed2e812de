import type { Account } from "../sync/server-api.ts";
import type { RouteName } from "../router.ts";

/** The coaching pages the main navigation offers this person: coaches see their clients, everyone else their plan. */
export function coachingNav(me: Account | null | undefined): RouteName[] {
  return me?.role === "coach" ? ["coach"] : ["plan"];
}
