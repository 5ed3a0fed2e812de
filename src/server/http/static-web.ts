import { readFile, stat } from "node:fs/promises";
import { extname, resolve, sep } from "node:path";
import type { MiddlewareHandler } from "hono";
import type { Env } from "../context.ts";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".mp3": "audio/mpeg",
  ".ogg": "audio/ogg",
  ".wav": "audio/wav",
  ".map": "application/json",
};

/**
 * How long a browser may keep a file: hashed build output under /assets/ forever; the page,
 * the manifest and the service worker files never without asking again, so an update reaches
 * users on their next visit; anything else for an hour.
 */
export function cacheControlFor(path: string): string {
  if (path.startsWith("/assets/")) return "public, max-age=31536000, immutable";
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (
    name.endsWith(".html") ||
    name.endsWith(".webmanifest") ||
    /^(sw|service-worker|registerSW)\.js$/.test(name) ||
    name.startsWith("workbox-")
  ) {
    return "no-cache";
  }
  return "public, max-age=3600";
}

/**
 * Serves the built web app from `root`, answering index.html for any path that looks like a
 * page (no file extension) so the app's own router can show it. Never leaves `root`.
 */
export function serveWebApp(root: string): MiddlewareHandler<Env> {
  const base = resolve(root);
  return async (c, next) => {
    if ((c.req.method !== "GET" && c.req.method !== "HEAD") || c.req.path === "/api" || c.req.path.startsWith("/api/")) return next();
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      return next();
    }
    if (path.includes("\0")) return next();
    let served = path.endsWith("/") ? `${path}index.html` : path;
    let file = resolve(base, `.${served}`);
    if (file !== base && !file.startsWith(base + sep)) return next();
    let info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      if (extname(path) !== "") return next();
      served = "/index.html";
      file = resolve(base, "index.html");
      info = await stat(file).catch(() => null);
      if (!info?.isFile()) return next();
    }
    const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const headers: Record<string, string> = {
      "Content-Type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "Cache-Control": cacheControlFor(served),
      ETag: etag,
    };
    if (served.endsWith("sw.js")) headers["Service-Worker-Allowed"] = "/";
    if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
    headers["Content-Length"] = String(info.size);
    if (c.req.method === "HEAD") return c.body(null, 200, headers);
    return c.body(new Uint8Array(await readFile(file)), 200, headers);
  };
}
