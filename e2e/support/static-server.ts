import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** The built web app folder. */
export const webDist = resolve(import.meta.dirname, "../../dist/web");

/**
 * Serves a folder over real HTTP on 127.0.0.1 at a free port; unknown paths get index.html,
 * like a single-page app host. `url` ends with a slash.
 */
export async function serveStatic(root = webDist): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    // Only files are served here: an API call must fail as it would with no server behind it,
    // never be answered "200 OK" with the app's HTML.
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (path.startsWith("/api/")) {
      res.writeHead(404).end();
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info || info.isDirectory()) file = join(root, "index.html");
    const headers: Record<string, string> = { "content-type": types[extname(file)] ?? "application/octet-stream" };
    // The service worker script must always be fetched fresh, as a real host would serve it.
    if (file.endsWith("sw.js")) headers["cache-control"] = "no-cache";
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.closeAllConnections();
        server.close((e) => (e ? fail(e) : ok()));
      }),
  };
}
