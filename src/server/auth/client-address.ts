import { getConnInfo } from "@hono/node-server/conninfo";
import type { AppContext } from "../context.ts";
import { forwardedClient } from "../http/forwarded.ts";

/** The socket's peer address, or undefined for in-process requests (tests). */
function peerOf(c: AppContext): string | undefined {
  const env = c.env as { incoming?: unknown } | undefined;
  if (!env?.incoming) return undefined;
  return getConnInfo(c).remote.address;
}

/** Where the request came from and whether over https, proxies believed as configured. */
export function requestOrigin(c: AppContext): { address: string | undefined; https: boolean } {
  const found = forwardedClient(
    peerOf(c),
    {
      forwarded: c.req.header("forwarded"),
      forwardedFor: c.req.header("x-forwarded-for"),
      forwardedProto: c.req.header("x-forwarded-proto"),
    },
    c.get("deps").trustedProxies,
  );
  return { address: found.address, https: found.https || new URL(c.req.url).protocol === "https:" };
}

/** The address a request came from, for per-address limits; "local" for in-process requests. */
export function clientAddress(c: AppContext): string {
  return requestOrigin(c).address ?? "local";
}
