import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

/**
 * Refuses a request body larger than `maxSize` bytes with `tooLarge`. A body that says its length
 * (Content-Length, the usual case) is judged by it before a byte is read, and is then read once,
 * straight from the socket, by whatever handler wants it; one sent in chunks without a length is
 * counted as it arrives (Hono's `bodyLimit`). GET and HEAD requests carry no body the server reads.
 *
 * Hono's `bodyLimit` alone asks every request for its body stream first, which makes
 * @hono/node-server build a full web Request and stream for each one, even a GET; that was about a
 * tenth of the server's work per logged session.
 */
export function limitBody(maxSize: number, tooLarge: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const counted = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      if (Number(length) > maxSize) return tooLarge(c);
      return next();
    }
    return counted(c, next);
  };
}
