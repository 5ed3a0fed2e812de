import { getConnInfo } from "@hono/node-server/conninfo";
import type { AppContext } from "../context.ts";

/** The address a request came from, for per-address limits; "local" for in-process requests. */
export function clientAddress(c: AppContext): string {
  if (c.get("deps").trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: unknown } | undefined;
  if (!env?.incoming) return "local";
  return getConnInfo(c).remote.address ?? "unknown";
}
